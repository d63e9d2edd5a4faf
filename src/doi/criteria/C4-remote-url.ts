import { checkoutMissing, fail, pass, type Criterion } from '../criterion.js';
import { sameRemote } from '../remote-url.js';

export const C4: Criterion<'tree'> = {
  id: 'C4',
  tier: 'core',
  group: 'tree',
  title: "remote_url recorded and equal to the checkout's origin",
  docs:
    "Passes when the registry's remote_url names the same remote as the checkout's origin (remote.origin.url). " +
    'The two are compared after normalising what does not change the remote: surrounding space, trailing slashes, ' +
    'a trailing .git, and the case of the scheme and host. Different transports (https vs ssh) are different ' +
    'URLs. Fails when remote_url is not recorded, when the checkout has no origin, or when they differ.',
  evaluate({ repo, checkout }) {
    const recorded = repo.remote_url;
    if (recorded === null) {
      return fail(
        checkout.origin
          ? `no remote_url recorded: add remote_url: ${checkout.origin} to the repo's entry in custodian.yaml`
          : 'no remote_url recorded and the checkout has no origin remote: add remote_url: to custodian.yaml and git remote add origin <url>',
      );
    }
    const missing = checkoutMissing(checkout);
    if (missing) return missing;
    if (checkout.origin === null) return fail(`the checkout has no origin remote: run git remote add origin ${recorded}`);
    if (sameRemote(recorded, checkout.origin)) return pass(`origin is ${checkout.origin}`);
    return fail(`origin is ${checkout.origin} but custodian.yaml records ${recorded}: correct one of them`);
  },
};
