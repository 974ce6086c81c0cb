/**
 * Ground truth from BuildKit's own tests (`../shared/conformance/buildkit-history/cases.json`):
 * every layer and history count the tests assert, predicted exactly from the Dockerfile alone.
 *
 * Legacy cases (`legacy: true`) encode BuildKit before v0.10, where a RUN that changed no file got
 * an empty history entry and no layer, exactly as the classic builder still does. The planner's
 * `buildkit` model is the current behaviour, so it predicts the post-fix case (d67243ed0) exactly and
 * the pre-fix ones one layer too high (the no-op `RUN ["ls"]`); the `classic` model's range holds
 * the pre-fix counts.
 */
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { plan, type Plan } from "../../src/planner/index.js";
import { describeShared } from "../support/shared.js";

interface HistoryEntry {
  readonly index?: number;
  readonly offsetFromFirstNonBase?: number;
  readonly emptyLayer?: boolean;
}

interface Case {
  readonly id: string;
  readonly kind: "count" | "layer-index" | "base-fact";
  readonly dockerfile: string;
  readonly target: string | null;
  readonly legacy?: boolean;
  readonly preBuild?: { readonly dockerfile: string } | null;
  readonly base: { readonly image: string; readonly layers?: number | null; readonly history?: number | null };
  readonly expect: {
    readonly layers?: number;
    readonly layersAddedOverBase?: number;
    readonly history?: number;
    readonly historyAddedOverBase?: number;
    readonly emptyLayerHistory?: readonly HistoryEntry[];
    readonly layersPerPlatform?: Readonly<Record<string, number>>;
    readonly layerContains?: readonly { readonly index: number; readonly path: string }[];
    readonly baseImageDiffIDs?: readonly string[];
  };
}

/** The layers added over the base that a case asserts, directly or through its entries' empty-layer flags. */
function expectedLayers(c: Case): number | undefined {
  const e = c.expect;
  if (e.layersAddedOverBase !== undefined) return e.layersAddedOverBase;
  if (e.layers !== undefined && typeof c.base.layers === "number") return e.layers - c.base.layers;
  const flags = e.emptyLayerHistory?.filter((h) => h.emptyLayer !== undefined) ?? [];
  if (e.historyAddedOverBase !== undefined && flags.length === e.historyAddedOverBase) return flags.filter((h) => !h.emptyLayer).length;
  return undefined;
}

function expectedHistory(c: Case): number | undefined {
  const e = c.expect;
  if (e.historyAddedOverBase !== undefined) return e.historyAddedOverBase;
  return e.history !== undefined && typeof c.base.history === "number" ? e.history - c.base.history : undefined;
}

/** The instructions of the target chain that add a layer, by absolute layer index. */
function layerSteps(p: Plan, baseLayers: number): Map<number, string> {
  const byIndex = new Map<number, string>();
  let at = baseLayers;
  for (const index of p.image!.chain) {
    for (const step of p.stages[index].steps) {
      if (step.layers.min === 1) byIndex.set(at++, step.instruction.raw);
    }
  }
  return byIndex;
}

describeShared("conformance/buildkit-history/cases.json", "BuildKit history ground truth", (file) => {
  const cases = JSON.parse(readFileSync(file, "utf8")) as Case[];
  const current = cases.filter((c) => c.legacy !== true);
  const legacy = cases.filter((c) => c.legacy === true);

  it("has the 28 cases the README describes", () => {
    expect(cases).toHaveLength(28);
    expect(legacy.map((c) => c.id)).toEqual(["history-exported-legacy-6963b77c6", "history-exported-legacy-c14bf69e7", "history-exported-legacy-d67243ed0"]);
  });

  for (const c of current) {
    it(`${c.id}: ${c.kind}`, () => {
      const p = plan(c.dockerfile, { target: c.target ?? undefined });
      expect(p.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      const image = p.image!;
      expect(image.layers.min).toBe(image.layers.max);
      const layers = expectedLayers(c);
      const history = expectedHistory(c);
      if (layers !== undefined) expect(image.layers.min).toBe(layers);
      if (history !== undefined) expect(image.history).toBe(history);
      for (const perPlatform of Object.values(c.expect.layersPerPlatform ?? {})) expect(image.layers.min).toBe(perPlatform);
      if (c.kind === "count") expect(layers ?? history ?? c.expect.layersPerPlatform).toBeDefined();

      const baseLayers = c.base.image === "scratch" ? 0 : c.base.layers;
      for (const { index, path } of c.expect.layerContains ?? []) {
        if (baseLayers === undefined || baseLayers === null || index < baseLayers) continue;
        expect(layerSteps(p, baseLayers).get(index)).toContain(path);
      }
      if (c.preBuild !== null && c.preBuild !== undefined) {
        const pre = plan(c.preBuild.dockerfile).image!;
        if (typeof c.base.layers === "number") expect(pre.total).toEqual({ base: undefined, added: { min: c.base.layers, max: c.base.layers } });
        if (typeof c.base.history === "number") expect(pre.history).toBe(c.base.history);
      }
      if (c.kind === "base-fact") {
        expect(image.base.kind).toBe("image");
        expect(c.base.image.startsWith(image.base.kind === "image" ? image.base.name : "")).toBe(true);
      }
    });
  }

  it("history-exported-legacy-d67243ed0 (the v0.10 fix) is predicted exactly by the buildkit model", () => {
    const c = legacy.find((l) => l.id.endsWith("d67243ed0"))!;
    const image = plan(c.dockerfile).image!;
    expect([image.layers.min, image.history]).toEqual([expectedLayers(c), expectedHistory(c)]);
  });

  for (const c of legacy.filter((l) => !l.id.endsWith("d67243ed0"))) {
    it(`${c.id}: pre-v0.10 counts lie in the classic range, one below today's BuildKit`, () => {
      const classic = plan(c.dockerfile, { builder: "classic" }).image!;
      const buildkit = plan(c.dockerfile).image!;
      const layers = expectedLayers(c)!;
      expect(classic.layers.min).toBeLessThanOrEqual(layers);
      expect(classic.layers.max).toBeGreaterThanOrEqual(layers);
      expect(classic.history).toBe(expectedHistory(c));
      expect(buildkit.layers.min).toBe(layers + 1);
    });
  }
});

