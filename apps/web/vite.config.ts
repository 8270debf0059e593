// `npm run build -w @blocketf/web`: the production bundle in apps/web/dist.
import { webConfig } from "./server/viteConfig.js";

export default webConfig();
