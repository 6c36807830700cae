/** A one-line progress bar on a TTY stream: `[#######.............]  120/400 files`. */
export class ProgressBar {
  private readonly width = 28;
  private lastLine = '';

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly total: number,
  ) {}

  update(done: number): void {
    const ratio = this.total === 0 ? 1 : Math.min(1, done / this.total);
    const filled = Math.round(ratio * this.width);
    const line = `memo-guard [${'#'.repeat(filled)}${'.'.repeat(this.width - filled)}] ${String(done).padStart(String(this.total).length)}/${this.total} files`;
    if (line === this.lastLine) return;
    this.lastLine = line;
    this.stream.write(`\r${line}`);
  }

  /** Erases the bar so the findings start on a clean line. */
  done(): void {
    if (this.lastLine === '') return;
    this.stream.write(`\r${' '.repeat(this.lastLine.length)}\r`);
    this.lastLine = '';
  }
}
