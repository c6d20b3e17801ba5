import { useState } from 'react';
import { Alert } from './alert';
import { downloadCsv, downloadProblem } from './download';
import { useSession } from './session';

/** A page's CSV download: the button, and a sentence saying why the hub refused it. */
export function CsvDownload({ path, filters, label }: { path: string; filters: Record<string, unknown>; label: string }) {
  const { session } = useSession();
  const [problem, setProblem] = useState<string | null>(null);

  async function download() {
    const status = await downloadCsv(path, session?.token ?? '', filters);
    setProblem(status === 200 ? null : downloadProblem(status));
  }

  return (
    <>
      <p className="margin-top-2">
        <button type="button" className="usa-button usa-button--outline" onClick={() => void download()}>
          {label}
        </button>
      </p>
      {problem && (
        <Alert kind="error">
          <p className="usa-alert__text">{problem}</p>
        </Alert>
      )}
    </>
  );
}
