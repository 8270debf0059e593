// The indexed contracts' ABIs, all generated from contracts/out (@blocketf/abi): never written by hand.
import {
  blockEtfAbi,
  blockEtfFactoryAbi,
  blockEtfLensAbi,
  blockEtfRebalancerAbi,
  blockEtfRouterAbi,
} from "@blocketf/abi";

/**
 * A fund's logs. The generated ABI already holds the events its linked libraries (VenusLib, RedeemLib,
 * RebalanceLib) emit in the fund's name: delegatecalled, their logs carry the fund's address.
 */
export {
  blockEtfAbi as fundAbi,
  blockEtfFactoryAbi as factoryAbi,
  blockEtfLensAbi as lensAbi,
  blockEtfRebalancerAbi as rebalancerAbi,
  blockEtfRouterAbi as routerAbi,
};
