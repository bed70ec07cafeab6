// Bulk actions on the selected tasks, keyed by id (Label Studio's names and order). `run(project,
// ids, {onProgress})` reports progress; `removes` says records go (the kept index is then rebuilt).
import {
  deleteTasks, deleteAnnotations, deletePredictions, annotationsFromPredictions,
} from "../../store/tasks.js";

const plural = (n, word) => `${n.toLocaleString()} ${word}${n === 1 ? "" : "s"}`;

/** The current annotator's id, or null while the profiles module is not there (or has no profile). */
async function currentAnnotator() {
  try {
    const { currentProfile } = await import("../../store/profiles.js");
    const profile = await currentProfile();
    return profile?.id ?? null;
  } catch {
    return null;
  }
}

export const ACTIONS = [
  {
    id: "delete_tasks", title: "Delete tasks", danger: true, verb: "Deleting tasks",
    confirm: (n) => `Delete ${plural(n, "task")} with their annotations, predictions, drafts and media? This cannot be undone.`,
    run: (project, ids, opts) => deleteTasks(project.id, ids, opts), removes: true,
    done: (k) => `Deleted ${plural(k, "task")}.`,
  },
  {
    id: "delete_annotations", title: "Delete annotations", danger: true, verb: "Deleting annotations",
    confirm: (n) => `Delete every annotation (and draft) of ${plural(n, "task")}? The tasks stay. This cannot be undone.`,
    run: (project, ids, opts) => deleteAnnotations(project.id, ids, opts), removes: true,
    done: (k) => `Deleted ${plural(k, "annotation")}.`,
  },
  {
    id: "delete_predictions", title: "Delete predictions", danger: true, verb: "Deleting predictions",
    confirm: (n) => `Delete every prediction of ${plural(n, "task")}? This cannot be undone.`,
    run: (project, ids, opts) => deletePredictions(project.id, ids, opts), removes: true,
    done: (k) => `Deleted ${plural(k, "prediction")}.`,
  },
  {
    id: "predictions_to_annotations", title: "Create Annotations From Predictions", verb: "Creating annotations",
    confirm: (n) => `Copy the newest prediction of each of ${plural(n, "task")} into an annotation by you? ` +
      "Predictions already turned into an annotation are skipped.",
    run: async (project, ids, opts) => annotationsFromPredictions(project.id, ids, await currentAnnotator(), opts),
    done: (k) => `Created ${plural(k, "annotation")} from predictions.`,
  },
  { id: "export", title: "Export selected", dialog: "export" },
];
