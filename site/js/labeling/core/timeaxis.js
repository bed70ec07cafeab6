// The time axis shared by time-based objects (Audio, Video, TimeSeries): frame <-> second
// conversions, a playhead with a visible window (zoom), and the bus of Label Studio's `sync`
// attribute. Pure logic: no DOM, no media element; an object wires its <audio>/<video> to it.
//
// Frames (Label Studio's Video): counted from 1. Frame n is shown from (n - 1) / fps up to
// n / fps; Label Studio stores `time = frame / frameRate` beside each keyframe (keyframeTime).
//   frameAt(t, fps)           the frame shown at media time t (>= 1)
//   frameStart(n, fps)        the time to seek to for frame n
//   keyframeTime(n, fps)      the `time` Label Studio writes with frame n
//   framesToSeconds({start, end}, fps) / secondsToFrames(...)   a range of whole frames (both
//                             ends included, TimelineLabels' ranges) <-> the seconds they cover
//
// createTimeAxis({duration, frameRate?, maxZoom?}) -> axis, whose state is
//   {time, playing, speed, duration, zoom, window: {start, end}}
//   seek(t) play() pause() setSpeed(s) setDuration(d)   the playhead (time kept in [0, duration])
//   zoomTo(z, anchor?) zoomBy(f, anchor?)   zoom 1 shows the whole duration, at most maxZoom and
//                             never less than one frame (or 1 ms) across; `anchor` (default: the
//                             playhead) keeps its place in the window; the window stays in [0, duration]
//   scrollTo(start) reveal(t)   move the window (same width); reveal brings t into view
//   subscribe(fn(state, change)) -> unsubscribe; `change` is the playhead event it made
//                             ({type: "seek"|"play"|"pause"|"speed", time, speed, remote}) or null
//   Each method takes {remote: true} last: the change came from the sync bus (not sent back).
//
// createSyncBus({tolerance}) -> bus;  bus.join(group, onEvent) -> {send(event), leave()}
//   Members of one sync group get each other's events ({type: play|pause|seek|speed, time?,
//   speed?}); a sender never gets its own, other groups get nothing. No feedback loops: a send
//   made while its group delivers (a receiver reacting at once) is dropped; so is an echo (a
//   member sending back what it last received: its media element reporting the seek or play it
//   was told to do; seek times within `tolerance` seconds), and a play / pause / speed that does
//   not change the group's state.
// syncAxis(axis, bus, group) -> leave: the axis's own changes go to the group, the group's to it.

const EPS = 1e-9; // float slack: 2 / 24 * 24 must be frame 2, not 1.99999

/** The frame (from 1) shown at media time `t` seconds. */
export const frameAt = (t, fps) => Math.max(1, Math.floor(Math.max(0, t) * fps + EPS) + 1);
/** The media time frame `n` starts at (where a seek to it goes). */
export const frameStart = (n, fps) => (Math.max(1, n) - 1) / fps;
/** The `time` Label Studio stores with keyframe `n`. */
export const keyframeTime = (n, fps) => n / fps;

/** Frames [start, end] (both included) -> the seconds [start, end) they cover. */
export const framesToSeconds = ({ start, end }, fps) => ({ start: frameStart(start, fps), end: Math.max(start, end) / fps });

/** Seconds [start, end) -> the frames [start, end] shown in them (at least one). */
export function secondsToFrames({ start, end }, fps) {
  const first = frameAt(start, fps);
  return { start: first, end: Math.max(first, Math.ceil(end * fps - EPS)) };
}

const clamp = (v, lo, hi) => Math.min(Math.max(v, lo), hi);

export function createTimeAxis({ duration = 0, frameRate = null, maxZoom = 100 } = {}) {
  let state = { time: 0, playing: false, speed: 1, duration: Math.max(0, duration), zoom: 1, window: { start: 0, end: Math.max(0, duration) } };
  const listeners = new Set();
  const set = (changes, change = null) => {
    state = { ...state, ...changes };
    for (const fn of listeners) fn(state, change);
  };
  // The narrowest window: one frame, else 1 ms; so the zoom limit depends on the duration too.
  const minWidth = () => Math.min(state.duration, frameRate ? 1 / frameRate : 0.001);
  const zoomLimit = () => (state.duration > 0 ? clamp(state.duration / minWidth(), 1, maxZoom) : 1);
  const placed = (start, width) => {
    const s = clamp(start, 0, Math.max(0, state.duration - width));
    return { start: s, end: s + width };
  };

  const axis = {
    frameRate,
    getState: () => state,
    subscribe(fn) { listeners.add(fn); return () => listeners.delete(fn); },
    seek(t, { remote = false } = {}) {
      const time = clamp(Number(t) || 0, 0, state.duration);
      set({ time }, { type: "seek", time, remote });
    },
    play({ remote = false } = {}) { if (!state.playing) set({ playing: true }, { type: "play", time: state.time, remote }); },
    pause({ remote = false } = {}) { if (state.playing) set({ playing: false }, { type: "pause", time: state.time, remote }); },
    setSpeed(speed, { remote = false } = {}) {
      const s = Number(speed) > 0 ? Number(speed) : 1;
      if (s !== state.speed) set({ speed: s }, { type: "speed", speed: s, remote });
    },
    /** The media's length once known (a loaded file): the zoom and window follow. */
    setDuration(d) {
      const next = Math.max(0, Number(d) || 0);
      state = { ...state, duration: next, time: clamp(state.time, 0, next) };
      axis.zoomTo(state.zoom);
    },
    zoomTo(z, anchor = state.time) {
      const zoom = clamp(Number(z) || 1, 1, zoomLimit());
      const width = state.duration / zoom;
      const old = state.window;
      const at = old.end > old.start ? clamp((anchor - old.start) / (old.end - old.start), 0, 1) : 0;
      set({ zoom, window: placed(anchor - at * width, width) });
    },
    zoomBy(factor, anchor) { axis.zoomTo(state.zoom * factor, anchor); },
    scrollTo(start) { set({ window: placed(start, state.window.end - state.window.start) }); },
    reveal(t) {
      const { start, end } = state.window;
      if (t < start) axis.scrollTo(t);
      else if (t > end) axis.scrollTo(t - (end - start));
    },
  };
  return axis;
}

/** The sync bus of Label Studio's `sync` groups (see the header). */
export function createSyncBus({ tolerance = 0.01 } = {}) {
  const groups = new Map(); // name -> {members: Set, delivering, playing, speed}

  const echoes = (got, e) => got && got.type === e.type
    && (e.type !== "seek" || Math.abs((got.time ?? 0) - (e.time ?? 0)) <= tolerance)
    && (e.type !== "speed" || got.speed === e.speed);
  const changesNothing = (g, e) => (e.type === "play" && g.playing) || (e.type === "pause" && !g.playing)
    || (e.type === "speed" && g.speed === e.speed);

  return {
    join(group, onEvent) {
      if (!groups.has(group)) groups.set(group, { members: new Set(), delivering: false, playing: false, speed: 1 });
      const g = groups.get(group);
      const member = { onEvent, received: null };
      g.members.add(member);
      return {
        /** Send an event to the other members; false when it was dropped (see the header). */
        send(event) {
          const e = { ...event };
          const echo = echoes(member.received, e);
          member.received = null;
          if (g.delivering || echo || changesNothing(g, e)) return false;
          if (e.type === "play") g.playing = true;
          if (e.type === "pause") g.playing = false;
          if (e.type === "speed") g.speed = e.speed;
          g.delivering = true;
          try {
            for (const other of g.members) {
              if (other === member) continue;
              other.received = e;
              other.onEvent(e);
            }
          } finally {
            g.delivering = false;
          }
          return true;
        },
        leave() {
          g.members.delete(member);
          if (!g.members.size) groups.delete(group);
        },
      };
    },
  };
}

/** Tie an axis to a sync group: its own changes are sent, received ones applied (not sent back). */
export function syncAxis(axis, bus, group) {
  const apply = {
    seek: (e) => axis.seek(e.time, { remote: true }),
    play: (e) => { if (e.time != null) axis.seek(e.time, { remote: true }); axis.play({ remote: true }); },
    pause: (e) => { axis.pause({ remote: true }); if (e.time != null) axis.seek(e.time, { remote: true }); },
    speed: (e) => axis.setSpeed(e.speed, { remote: true }),
  };
  const member = bus.join(group, (e) => apply[e.type]?.(e));
  const off = axis.subscribe((_state, change) => {
    if (change && !change.remote) {
      const { remote, ...event } = change;
      member.send(event);
    }
  });
  return () => { off(); member.leave(); };
}
