async () => {
  const P = labelcore.projects;
  const profiles = await import('./js/store/profiles.js');
  const R = await import('./js/store/records.js');
  const ada = await profiles.createProfile({name: 'Ada Lovelace', email: 'ada@example.org'});
  const bob = await profiles.createProfile({name: 'Bob Stone', email: 'bob@example.org'});
  const p = await P.createProject({name: 'Street signs', description: 'Boxes around every sign', color: '#31A06C'});
  await P.updateSettings(p.id, {maximum_annotations: 2, sampling: 'random'});
  const labels = ['Stop', 'Yield', 'Speed limit', 'No entry'];
  await labelcore.store.write(['tasks', 'annotations', 'predictions', 'media'], async (tx) => {
    const mediaId = "m0a1b2c3"; await tx.objectStore("media").add({id: mediaId, project: p.id, name: 'a.png', type: 'image/png', size: 3, blob: new Blob([new Uint8Array([1,2,3])], {type: 'image/png'})});
    for (let i = 0; i < 40; i++) {
      const tid = await tx.objectStore('tasks').add(R.taskRecord({data: {image: `media://${mediaId}/a.png`, n: i}, meta: {}, inner_id: i + 1, created_at: '2025-03-01T10:00:00.000Z', updated_at: '2025-03-01T10:00:00.000Z'}, {project: p.id}));
      if (i % 5 === 0) await tx.objectStore('predictions').add(R.predictionRecord({result: [], score: i / 40, model_version: 'v1', created_at: '2025-03-01T10:00:00.000Z'}, {project: p.id, task: tid}));
      if (i < 26) {
        const day = `2025-03-${String(2 + (i % 7)).padStart(2, '0')}T12:00:00.000Z`;
        await tx.objectStore('annotations').add(R.annotationRecord({completed_by: i % 3 ? ada.id : bob.id, was_cancelled: i % 9 === 4, ground_truth: false,
          result: i % 9 === 4 ? [] : [{id: 'r' + i, from_name: 'label', to_name: 'image', type: 'rectanglelabels', value: {x: 1, y: 2, width: 3, height: 4, rotation: 0, rectanglelabels: [labels[i % 4 === 3 && i % 2 ? 0 : i % 4]]}}],
          created_at: day, updated_at: day, lead_time: 3.5}, {project: p.id, task: tid}));
      }
    }
  });
  return p.id;
}
