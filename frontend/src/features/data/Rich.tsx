import { Trans } from 'react-i18next';

/** A message of the `data` namespace whose `<code>…</code>` parts (parameters, headers, paths) are set as code. */
export function Rich({ k }: { k: string }) {
  return <Trans ns="data" i18nKey={k} components={{ code: <code /> }} />;
}
