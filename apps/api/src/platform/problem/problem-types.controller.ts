import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../../auth/decorators/public.decorator.js';
import { DomainError } from '../errors/domain-error.js';
import { ApiProblems } from '../openapi/problem-responses.js';
import { text } from '../validation/fields.js';
import { problemIndexPage, problemPage } from './problem-pages.js';

const HTML = 'text/html; charset=utf-8';
/** Static text: clients and proxies may keep it for an hour. */
const CACHEABLE = 'public, max-age=3600';
/** The last segment of a problem type URI. */
export const slugParam = text({ min: 1, max: 64 }).regex(
  /^[a-z0-9-]+$/,
  'must be a problem type slug',
);
const html = { content: { 'text/html': { schema: { type: 'string' } } } } as const;

/** Each problem `type` of the API is a URI that answers with what the problem means. */
@ApiTags('problems')
@Public()
@Controller('problems')
export class ProblemTypesController {
  @Get()
  @Header('content-type', HTML)
  @Header('cache-control', CACHEABLE)
  @ApiProduces('text/html')
  @ApiOperation({ summary: 'Every problem type of this API, as an HTML page.' })
  @ApiResponse({ status: 200, description: 'The list.', ...html })
  index(): string {
    return problemIndexPage();
  }

  @Get(':slug')
  @Header('content-type', HTML)
  @Header('cache-control', CACHEABLE)
  @ApiProduces('text/html')
  @ApiOperation({ summary: 'What a problem type means and what to do about it (HTML).' })
  @ApiResponse({ status: 200, description: 'The description.', ...html })
  @ApiProblems('problem_type_not_found')
  describe(@Param('slug', { schema: slugParam }) slug: string): string {
    const page = problemPage(slug);
    if (page === undefined) throw new DomainError('problem_type_not_found');
    return page;
  }
}
