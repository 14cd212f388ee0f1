import { CubecapeError } from '../../../core/errors.js';

/** Codes the template engine raises: parse problems and execution failures. */
export type TemplateErrorCode = 'TEMPLATE_PARSE' | 'TEMPLATE_EXEC';

/**
 * A parse or execution error located in a template. The message starts like Go's
 * (`template: NAME:LINE:COL: …`) so chart authors recognise it.
 */
export class TemplateError extends CubecapeError<TemplateErrorCode> {
  readonly templateName: string;

  constructor(
    code: TemplateErrorCode,
    detail: string,
    templateName: string,
    line?: number,
    column?: number,
    cause?: unknown,
  ) {
    const where =
      line === undefined ? templateName : `${templateName}:${String(line)}:${String(column ?? 0)}`;
    super(code, `template: ${where}: ${detail}`, { file: templateName, line, column, cause });
    this.name = 'TemplateError';
    this.templateName = templateName;
  }
}
