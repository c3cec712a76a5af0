import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { ERROR_CODES } from '../errors/error-codes.js';
import { PROBLEM_TYPES, problemIndexPage, problemPage } from './problem-pages.js';

const API_DOC = readFileSync(new URL('../../../../../docs/api.md', import.meta.url), 'utf8');

describe('problem type pages', () => {
  it('exist for every problem type of the error table, and only for those', () => {
    const tableTypes = new Set(
      Object.values(ERROR_CODES)
        .map(({ type }) => type)
        .filter((type) => type !== 'about:blank'),
    );
    expect(new Set(PROBLEM_TYPES.map(({ type }) => type))).toEqual(tableTypes);
    for (const { slug } of PROBLEM_TYPES) expect(problemPage(slug)).toContain('<h1>');
    expect(problemPage('no-such-problem')).toBeUndefined();
  });

  it('say what the problem means, with its status and title', () => {
    const page = problemPage('insufficient-stock') ?? '';
    expect(page).toContain('<title>Not enough stock to fill the order</title>');
    expect(page).toContain('HTTP status 409');
    expect(page).toContain(ERROR_CODES.insufficient_stock.meaning);
  });

  it('describe each code of a type shared by several', () => {
    const page = problemPage('invalid-credentials') ?? '';
    expect(page).toContain('<h2>Email or password is wrong</h2>');
    expect(page).toContain('<h2>Current password is wrong</h2>');
  });

  it('escape HTML and render `code` spans', () => {
    const page = problemPage('precondition-failed') ?? '';
    expect(page).toContain('<code>If-Match</code>');
    expect(problemPage('invalid-status-transition')).toContain('pending → paid');
    expect(problemIndexPage()).not.toMatch(/<script/i);
  });

  it('are all listed in docs/api.md', () => {
    const missing = PROBLEM_TYPES.filter(({ type }) => !API_DOC.includes(`\`${type}\``));
    expect(missing.map(({ type }) => type)).toEqual([]);
  });

  it('are indexed on one page', () => {
    const index = problemIndexPage();
    for (const { type } of PROBLEM_TYPES) expect(index).toContain(`<a href="${type}">`);
  });
});
