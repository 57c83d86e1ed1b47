import { useLoader, useT } from '@handla/ui';
import { useCallback } from 'react';
import { PageHeading } from '../../pages/PageHeading';
import { useCatalogApi } from '../shared/useCatalogApi';
import { ExportLinks } from './ExportLinks';
import { ImportPanel } from './ImportPanel';
import { RecentImports } from './RecentImports';

/** CSV in and out: test a file, import it, see recent imports, download exports. */
export function ImportSection() {
  const t = useT();
  const catalog = useCatalogApi();
  const recent = useLoader(useCallback(() => catalog.listImports(), [catalog]));
  return (
    <>
      <PageHeading title={t('catalogAdmin.import.heading')} />
      <ImportPanel onFinished={recent.reload} />
      <RecentImports recent={recent} />
      <ExportLinks />
    </>
  );
}
