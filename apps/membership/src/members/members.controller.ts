import { Body, Controller, Get, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Page, type Principal, Roles, ParseUuidPipe } from '#platform';
import {
  ListMembersQuery,
  MemberPageDto,
  MemberResponseDto,
  RegisterMemberDto,
  UpdateMemberDto,
} from './members.dto.js';
import type { Member } from './member.entity.js';
import { type MemberAsRead, MembersService } from './members.service.js';

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
  update(@Param('id', ParseUuidPipe) id: string, @Body() dto: UpdateMemberDto): Promise<Member> {
    return this.members.update(id, dto);
  }

  @Get()
  @Roles('admin', 'clinician', 'service')
  @ApiOkResponse({
    type: MemberPageDto,
    description: 'Each member without e-mail and registration unless the caller may see them',
  })
  list(
    @Query() query: ListMembersQuery,
    @CurrentUser() reader: Principal,
  ): Promise<Page<MemberAsRead>> {
    return this.members.list(query, reader);
  }

  @Get(':id')
  @Roles('admin', 'clinician', 'service')
  @ApiOkResponse({
    type: MemberResponseDto,
    description: 'Without e-mail and registration unless the caller may see them',
  })
  get(
    @Param('id', ParseUuidPipe) id: string,
    @CurrentUser() reader: Principal,
  ): Promise<MemberAsRead> {
    return this.members.read(id, reader);
  }
}
