import { UsageError } from "@blocketf/cli-kit";

/** A devnet configuration or environment problem, printed as one line (no stack trace), exit code 2. */
export class DevnetConfigError extends UsageError {
  override name = "DevnetConfigError";
}
