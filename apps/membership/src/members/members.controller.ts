import {
  Body,
  Controller,
  Get,
  Inject,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type Page, Roles } from '#platform';
import { ListMembersQuery, RegisterMemberDto, UpdateMemberDto } from './members.dto.js';
import type { Member } from './member.entity.js';
import { MembersService } from './members.service.js';

@ApiTags('members')
@Controller('members')
export class MembersController {
  constructor(@Inject(MembersService) private readonly members: MembersService) {}

  @Post()
  @Roles('admin')
  register(@Body() dto: RegisterMemberDto): Promise<Member> {
    return this.members.register(dto);
  }

  @Patch(':id')
  @Roles('admin')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateMemberDto): Promise<Member> {
    return this.members.update(id, dto);
  }

  @Get()
  @Roles('admin', 'clinician', 'service')
  list(@Query() query: ListMembersQuery): Promise<Page<Member>> {
    return this.members.list(query);
  }

  @Get(':id')
  @Roles('admin', 'clinician', 'service')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<Member> {
    return this.members.get(id);
  }
}
