import { hasUpdate, useUpdatesStore } from '../../stores/updates';
import { useUpdateFlowStore } from '../../stores/update-flow';

/** On a compose project's header: updates every container of the project on this host that has a newer image. */
export function UpdateProjectButton({ hostId, project }: { hostId: string; project: string }) {
  const n = useUpdatesStore(
    (s) =>
      s.snapshot?.containers.filter((c) => c.hostId === hostId && c.project === project && hasUpdate(c))
        .length ?? 0,
  );
  const openProject = useUpdateFlowStore((s) => s.openProject);
  if (n === 0) return null;
  return (
    <button
      type="button"
      className="button button-small ct-ghost"
      aria-label={`Update project ${project}`}
      title={`${n} ${n === 1 ? 'container has' : 'containers have'} a newer image`}
      onClick={() => openProject(project, [hostId])}
    >
      Update ({n})
    </button>
  );
}
