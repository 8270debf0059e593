// Everything the fund did: mints, redeems, sweeps to Venus, rebalance steps with their cost against the
// bound, fees, parameter changes, pauses (links to the explorer on BNB Chain).
import { ActivityList } from "../components/ActivityList.js";
import { useTitle } from "../lib/router.js";

export default function ActivityPage() {
  useTitle("Activity");
  return (
    <section aria-labelledby="activity-title">
      <h1 id="activity-title">Activity</h1>
      <ActivityList caption="The fund's events, newest first, from the history indexer." />
    </section>
  );
}
