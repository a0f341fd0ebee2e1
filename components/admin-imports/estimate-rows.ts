/**
 * About how many data rows a CSV holds: its line breaks minus the header. Quoted line breaks make
 * it an over-estimate, so it only scales the rows-read bar. Reads the file in chunks.
 */
export async function estimateRows(file: Blob): Promise<number> {
  const reader = file.stream().getReader();
  let breaks = 0;
  let last = 10;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    for (let i = value.indexOf(10); i !== -1; i = value.indexOf(10, i + 1)) breaks++;
    if (value.length > 0) last = value[value.length - 1] ?? last;
  }
  const lines = breaks + (last === 10 ? 0 : 1);
  return Math.max(lines - 1, 0);
}
