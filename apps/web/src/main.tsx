import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { WagmiProvider } from "wagmi";
import { hashFn } from "wagmi/query";
import { App } from "./App.js";
import { NetworkProvider } from "./config/context.js";
import { loadRuntimeConfig, networksFrom } from "./config/networks.js";
import { makeWagmiConfig } from "./config/wagmi.js";
import "./styles.css";

const root = createRoot(document.getElementById("root") as HTMLElement);

function Fatal({ title, lines }: { title: string; lines: readonly string[] }) {
  return (
    <main id="main" className="fatal">
      <h1>{title}</h1>
      {lines.map((l) => (
        <p key={l}>{l}</p>
      ))}
    </main>
  );
}

async function start(): Promise<void> {
  const config = await loadRuntimeConfig();
  const { list, problems } = networksFrom(config);
  if (list.length === 0) {
    root.render(
      <Fatal
        title="No BlockETF fund to show"
        lines={[
          "Start the devnet with npm start (it serves this app), or deploy a fund to BNB Chain with npm run deploy.",
          ...problems,
        ]}
      />,
    );
    return;
  }
  const wagmi = makeWagmiConfig(list);
  const queryClient = new QueryClient({
    defaultOptions: { queries: { queryKeyHashFn: hashFn, retry: 1, refetchOnWindowFocus: false } },
  });
  root.render(
    <StrictMode>
      <WagmiProvider config={wagmi}>
        <QueryClientProvider client={queryClient}>
          <NetworkProvider networks={list}>
            <App />
          </NetworkProvider>
        </QueryClientProvider>
      </WagmiProvider>
    </StrictMode>,
  );
}

start().catch((error: unknown) => {
  root.render(
    <Fatal
      title="The app could not start"
      lines={[
        error instanceof Error ? error.message : String(error),
        "Reload the page; if it persists, restart npm start.",
      ]}
    />,
  );
});
