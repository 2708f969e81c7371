import { createRequire } from 'node:module';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** Performance's own cap on one CSV import (its IMPORT_MAX_BYTES default): 10 MiB. */
export const MAX_UPLOAD_BYTES = 10 * 2 ** 20;

/** A file as multer keeps it in memory: the part the upload page reads. */
export interface UploadedFile {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/** The upload request once its multipart body is read: the file, or why it could not be. */
export type UploadRequest = Request & { file?: UploadedFile; uploadProblem?: string };

/** multer as @nestjs/platform-express brings it (its types are not installed): the part used. */
interface Multer {
  (options: {
    storage: unknown;
    limits: { fileSize: number; files: number; fields: number; fieldSize: number };
  }): { single(field: string): RequestHandler };
  memoryStorage(): unknown;
}
const multer = createRequire(import.meta.url)('multer') as Multer;

const PROBLEMS: Record<string, string> = {
  LIMIT_FILE_SIZE: 'The file must be smaller than 10 MB',
  LIMIT_FILE_COUNT: 'Choose one file',
  LIMIT_UNEXPECTED_FILE: 'Choose one file',
};

/**
 * Reads the upload form's multipart body (the `_csrf` field and one file, at most 10 MiB, in
 * memory) before the guard checks the form's token. A file too big is not an error page: the
 * form says so beside the file input.
 */
@Injectable()
export class UploadMiddleware implements NestMiddleware {
  private readonly read = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, fieldSize: 10_000 },
  }).single('file');

  use(request: UploadRequest, response: Response, next: NextFunction): void {
    this.read(request, response, (error?: unknown) => {
      if (error) {
        const code = (error as { code?: string }).code ?? '';
        request.uploadProblem = PROBLEMS[code] ?? 'The file could not be read: upload it again';
        request.body ??= {};
      }
      next();
    });
  }
}
