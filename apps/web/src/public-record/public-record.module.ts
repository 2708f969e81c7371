import { Module } from '@nestjs/common';
import { PublicCommentLimit } from './public-comment-limit.js';
import { PublicRecordController } from './public-record.controller.js';

/** The pages anyone may read without signing in, and the comment form on pathways. */
@Module({ controllers: [PublicRecordController], providers: [PublicCommentLimit] })
export class PublicRecordModule {}
