// Synchronous, chunked reading of large text files: the full OpenSanctions exports are larger
// than the biggest string JavaScript can hold, and the screener loads everything at start.
import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

const CHUNK = 4 * 1024 * 1024;

export function* readLines(path: string): Generator<string> {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    const decoder = new StringDecoder('utf8');
    let rest = '';
    let first = true;
    for (;;) {
      const n = readSync(fd, buffer, 0, CHUNK, null);
      if (n === 0) break;
      let text = rest + decoder.write(buffer.subarray(0, n));
      if (first) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        first = false;
      }
      let start = 0;
      for (let nl = text.indexOf('\n', start); nl !== -1; nl = text.indexOf('\n', start)) {
        const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        yield text.slice(start, end);
        start = nl + 1;
      }
      rest = text.slice(start);
    }
    rest += decoder.end();
    if (rest.endsWith('\r')) rest = rest.slice(0, -1);
    if (rest !== '') yield rest;
  } finally {
    closeSync(fd);
  }
}

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
export function* readCsvRecords(path: string): Generator<string[]> {
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  for (const line of readLines(path)) {
    if (!quoted && line === '' && fields.length === 0) continue;
    if (!quoted && fields.length === 0 && line.indexOf('"') === -1) {
      yield line.split(',');
      continue;
    }
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted) {
        if (c === '"') {
          if (line[i + 1] === '"') {
            field += '"';
            i++;
          } else {
            quoted = false;
          }
        } else {
          field += c;
        }
      } else if (c === '"' && field === '') {
        quoted = true;
      } else if (c === ',') {
        fields.push(field);
        field = '';
      } else {
        field += c;
      }
    }
    if (quoted) {
      field += '\n';
      continue;
    }
    fields.push(field);
    yield fields;
    fields = [];
    field = '';
  }
  if (quoted || field !== '' || fields.length > 0) {
    fields.push(field);
    yield fields;
  }
}

/** Quotes a value for a CSV file when it needs it. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
