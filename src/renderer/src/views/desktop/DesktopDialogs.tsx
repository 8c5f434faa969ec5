import { useDesktopUiStore } from '../../stores/desktop-ui';
import { useHostsStore } from '../../stores/hosts';
import { ExportContextDialog } from './ExportContextDialog';
import { ImportContextsDialog } from './ImportContextsDialog';
import { usePick } from '../../hooks/usePick';

/** The desktop feature's dialogs, mounted once by Dialogs. */
export function DesktopDialogs() {
  const { contextsOpen, exportHostId } = usePick(useDesktopUiStore, 'contextsOpen', 'exportHostId');
  const { closeContexts, askExport } = useDesktopUiStore.getState();
  const exportHost = useHostsStore((s) => s.hosts.find((h) => h.id === exportHostId));
  return (
    <>
      {contextsOpen && <ImportContextsDialog onClose={closeContexts} />}
      {exportHost && (
        <ExportContextDialog key={exportHost.id} host={exportHost} onClose={() => askExport(undefined)} />
      )}
    </>
  );
}
