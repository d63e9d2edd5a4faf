/** Thrown inside the scan when the text holds a construct the line scanner does not model
 *  exactly; scanMarkdown() turns it into `{ ok: false }` so the caller can use remark. */
export class Unsupported {
  constructor(
    readonly reason: string,
    readonly line: number,
  ) {}
}
