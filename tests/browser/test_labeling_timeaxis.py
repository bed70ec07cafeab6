"""The shared time axis (labeling/core/timeaxis.js) and the object-kind contract (core/registry.js),
imported as modules in the built page: frame <-> second conversions (Label Studio counts video
frames from 1), zoom clamps, and the sync bus of Label Studio's `sync` attribute."""

from __future__ import annotations

import pytest

AXIS = "./js/labeling/core/timeaxis.js"


@pytest.fixture
def site(page, site_url):
    page.goto(site_url)
    return page


def test_frames_and_seconds(site):
    got = site.evaluate(f"""async () => {{
      const t = await import('{AXIS}');
      return {{
        at: [0, 0.5 / 24, 1 / 24, 2 / 24, 1, 10.01].map((s) => t.frameAt(s, 24)),
        start: [1, 2, 25].map((n) => t.frameStart(n, 24)),
        roundTrip: Array.from({{ length: 500 }}, (_, i) => i + 1).every((n) => t.frameAt(t.frameStart(n, 30), 30) === n),
        key: t.keyframeTime(48, 24),
        secs: t.framesToSeconds({{ start: 1, end: 24 }}, 24),
        frames: t.secondsToFrames({{ start: 0, end: 1 }}, 24),
        back: t.secondsToFrames(t.framesToSeconds({{ start: 7, end: 9 }}, 25), 25),
        short: t.secondsToFrames({{ start: 2, end: 2 }}, 24),
      }};
    }}""")
    assert got["at"] == [1, 1, 2, 3, 25, 241]  # frame n shows from (n - 1) / fps
    assert got["start"] == [0, 1 / 24, 1]
    assert got["roundTrip"]
    assert got["key"] == 2  # Label Studio's keyframe `time` = frame / frameRate
    assert got["secs"] == {"start": 0, "end": 1}
    assert got["frames"] == {"start": 1, "end": 24}
    assert got["back"] == {"start": 7, "end": 9}
    assert got["short"] == {"start": 49, "end": 49}  # an empty span still covers the frame it is in


def test_zoom_is_clamped_and_keeps_its_anchor(site):
    got = site.evaluate(f"""async () => {{
      const t = await import('{AXIS}');
      const a = t.createTimeAxis({{ duration: 10, frameRate: 25, maxZoom: 1000 }});
      const out = {{}};
      a.zoomTo(0.5); out.under = a.getState().zoom;
      a.zoomTo(4, 5); out.centre = a.getState().window;
      a.zoomBy(1e6); out.frame = a.getState().zoom;  // no narrower than one frame (1 / 25 s)
      a.zoomTo(2, 9.9); out.anchored = a.getState().window.end;  // 9.9 stays at the right edge
      a.scrollTo(7); out.edge = a.getState().window;  // the window stays inside [0, 10]
      a.scrollTo(-3); out.left = a.getState().window;
      a.reveal(9); out.revealed = a.getState().window;
      a.seek(42); out.seek = a.getState().time;
      a.seek(-1); out.seekLow = a.getState().time;
      const b = t.createTimeAxis({{ duration: 10, maxZoom: 8 }});
      b.zoomTo(100); out.max = b.getState().zoom;
      b.setDuration(4); out.resized = [b.getState().zoom, b.getState().window];
      return out;
    }}""")
    assert got["under"] == 1
    assert got["centre"] == {"start": 3.75, "end": 6.25}
    assert got["frame"] == 250
    assert got["anchored"] == pytest.approx(9.9)
    assert got["edge"] == {"start": 5, "end": 10}
    assert got["left"] == {"start": 0, "end": 5}
    assert got["revealed"] == {"start": 4, "end": 9}
    assert (got["seek"], got["seekLow"]) == (10, 0)
    assert got["max"] == 8
    assert got["resized"][0] == 8 and got["resized"][1]["end"] - got["resized"][1]["start"] == 0.5


def test_sync_bus_groups_no_self_delivery_no_loops(site):
    got = site.evaluate(f"""async () => {{
      const t = await import('{AXIS}');
      const bus = t.createSyncBus({{ tolerance: 0.01 }});
      const log = {{ a1: [], a2: [], b1: [] }};
      const a1 = bus.join('a', (e) => log.a1.push(e));
      // a2 behaves like a media element: told to seek or play, it reports back that it did
      let a2;
      a2 = bus.join('a', (e) => {{ log.a2.push(e); queueMicrotask(() => a2.send({{ ...e, time: (e.time ?? 0) + 0.004 }})); }});
      const b1 = bus.join('b', (e) => log.b1.push(e));
      const sent = [];
      sent.push(a1.send({{ type: 'seek', time: 5 }}));
      await new Promise((r) => setTimeout(r, 0));
      sent.push(a1.send({{ type: 'play', time: 5 }}));
      await new Promise((r) => setTimeout(r, 0));
      sent.push(a1.send({{ type: 'play', time: 5 }}));          // already playing: changes nothing
      sent.push(a1.send({{ type: 'speed', speed: 2 }}));
      await new Promise((r) => setTimeout(r, 0));
      sent.push(b1.send({{ type: 'seek', time: 1 }}));            // nobody else in group b
      // a receiver sending at once while its group delivers is dropped
      const c1 = bus.join('c', () => {{}});
      let inner = null;
      const c2 = bus.join('c', () => {{ inner = c2.send({{ type: 'seek', time: 9 }}); }});
      sent.push(c1.send({{ type: 'seek', time: 3 }}));
      a1.leave();
      sent.push(a2.send({{ type: 'seek', time: 8 }}));
      // two axes tied by syncAxis follow each other, without echoes
      const x = t.createTimeAxis({{ duration: 60 }}), y = t.createTimeAxis({{ duration: 60 }});
      const z = t.createTimeAxis({{ duration: 60 }});
      const bus2 = t.createSyncBus();
      const changes = {{ x: 0, y: 0 }};
      x.subscribe((s, c) => c && changes.x++); y.subscribe((s, c) => c && changes.y++);
      t.syncAxis(x, bus2, 'v'); const leaveY = t.syncAxis(y, bus2, 'v'); t.syncAxis(z, bus2, 'other');
      x.seek(12); x.play(); y.setSpeed(1.5); y.pause();
      const axes = [x, y, z].map((a) => a.getState()).map((s) => [s.time, s.playing, s.speed]);
      const counted = {{ ...changes }};
      leaveY(); x.seek(30);
      return {{ log, sent, inner, axes, changes: counted, yAfter: y.getState().time }};
    }}""")
    a2_types = [(e["type"], e.get("time"), e.get("speed")) for e in got["log"]["a2"]]
    assert a2_types == [("seek", 5, None), ("play", 5, None), ("speed", None, 2)]
    assert got["log"]["a1"] == []  # a2's reports were echoes: never sent back to a1
    assert got["log"]["b1"] == []  # another group hears nothing
    assert got["sent"] == [True, True, False, True, True, True, True]
    assert got["inner"] is False
    assert got["axes"] == [[12, False, 1.5], [12, False, 1.5], [0, False, 1]]
    assert got["changes"] == {"x": 5, "y": 5}  # a play / pause carries its time: a seek each, and no feedback
    assert got["yAfter"] == 12  # y left the group


def test_every_object_kind_follows_the_contract(site):
    got = site.evaluate("""async () => {
      await import('./js/labeling/renderers.js');
      const r = await import('./js/labeling/core/registry.js');
      const out = [];
      for (const name of r.registeredTags()) {
        const spec = r.tagSpec(name);
        if (spec.kind !== 'object') continue;
        if (typeof spec.component !== 'function') out.push(`${name}: no component`);
        if (!Array.isArray(spec.data) || !spec.data.length) out.push(`${name}: no data`);
        for (const kind of spec.regions ?? []) {
          const k = r.regionKind(kind);
          if (!k) { out.push(`${name}: region kind ${kind} not registered`); continue; }
          for (const f of ['summary', 'box']) if (typeof k[f] !== 'function') out.push(`${kind}: no ${f}`);
          if (!k.positionKeys.length) out.push(`${kind}: no positionKeys`);
        }
      }
      const rect = r.regionKind('rectangle');
      const value = rect.toValue({ x: 10, y: 20, w: 30, h: 40, rotation: 0 }, { width: 100, height: 200 });
      return { problems: out, keys: Object.keys(value), covered: Object.keys(value).every((k) => rect.positionKeys.includes(k)),
               objectKeys: r.objectKeys() };
    }""")
    assert got["problems"] == []
    assert got["covered"], got["keys"]
    assert got["objectKeys"] == ["original_width", "original_height", "image_rotation", "item_index"]
