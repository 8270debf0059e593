// The indexed contracts' ABIs, all generated from contracts/out (@blocketf/abi): never written by hand.
import {
  blockEtfAbi,
  blockEtfFactoryAbi,
  blockEtfLensAbi,
  blockEtfRebalancerAbi,
  blockEtfRouterAbi,
  venusLibAbi,
} from "@blocketf/abi";
import { mergeAbis } from "ponder";

/**
 * A fund's logs: BlockETF's own events plus those its linked library VenusLib emits in the fund's name
 * (VenusExit; delegatecalled, so the log's address is the fund's).
 */
export const fundAbi = mergeAbis([blockEtfAbi, venusLibAbi]);

export {
  blockEtfFactoryAbi as factoryAbi,
  blockEtfLensAbi as lensAbi,
  blockEtfRebalancerAbi as rebalancerAbi,
  blockEtfRouterAbi as routerAbi,
};
