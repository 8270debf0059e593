import { lazy, Suspense } from "react";
import { Layout } from "./components/Layout.js";
import { Loading } from "./components/states.js";
import { usePath } from "./lib/router.js";
import { FundPage } from "./pages/FundPage.js";

// The fund page is the first page; the others load when opened.
const MintPage = lazy(() => import("./pages/MintPage.js"));
const RedeemPage = lazy(() => import("./pages/RedeemPage.js"));
const PortfolioPage = lazy(() => import("./pages/PortfolioPage.js"));
const ActivityPage = lazy(() => import("./pages/ActivityPage.js"));
const ClaimPage = lazy(() => import("./pages/ClaimPage.js"));

function Page({ path }: { path: string }) {
  switch (path) {
    case "/":
      return <FundPage />;
    case "/mint":
      return <MintPage />;
    case "/redeem":
      return <RedeemPage />;
    case "/portfolio":
      return <PortfolioPage />;
    case "/activity":
      return <ActivityPage />;
    case "/claim":
      return <ClaimPage />;
    default:
      return (
        <section>
          <h1>Page not found</h1>
          <p>
            There is no page at <code>{path}</code>.
          </p>
        </section>
      );
  }
}

export function App() {
  const path = usePath();
  return (
    <Layout>
      <Suspense fallback={<Loading what="the page" />}>
        <Page path={path} />
      </Suspense>
    </Layout>
  );
}
