/** A one-line progress bar on stderr; silent unless enabled (the CLI enables it on a TTY without --json). */
export class ProgressBar {
  private readonly started = performance.now();
  private lastDraw = 0;

  constructor(
    private readonly total: number,
    private readonly enabled: boolean,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  update(done: number): void {
    if (!this.enabled) return;
    const now = performance.now();
    if (done < this.total && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const width = 30;
    const filled = Math.round((width * done) / Math.max(1, this.total));
    const seconds = ((now - this.started) / 1000).toFixed(1);
    const percent = Math.floor((100 * done) / Math.max(1, this.total));
    this.stream.write(
      `\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${this.total} ${percent}% ${seconds}s`,
    );
    if (done >= this.total) this.stream.write("\n");
  }
}
