/**
 * Ground truth from published Docker Official Images (`../shared/conformance/official-images/`):
 * layers and history entries each image adds over its base, from the registry's records. BuildKit
 * images are predicted exactly; the four classic-builder images lie within the classic range (its
 * WORKDIR adds a layer only when it creates the folder).
 */
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { plan } from "../../src/planner/index.js";
import { describeShared } from "../support/shared.js";

interface OfficialImage {
  readonly id: string;
  readonly builder: "buildkit" | "classic";
  readonly dockerfile: string;
  readonly baseImage: string;
  readonly stageChain: readonly string[];
  readonly layers: number;
  readonly baseLayersInImage: number;
  readonly layersAddedOverBase: number;
  readonly historyAddedOverBase: number;
}

describeShared("conformance/official-images/cases.json", "official images ground truth", (file) => {
  const cases = JSON.parse(readFileSync(file, "utf8")) as OfficialImage[];

  it("has 30 images, 5 of them built by the classic builder", () => {
    expect(cases).toHaveLength(30);
    expect(cases.filter((c) => c.builder === "classic")).toHaveLength(5);
  });

  for (const c of cases) {
    it(`${c.id} (${c.builder})`, () => {
      const p = plan(c.dockerfile, { builder: c.builder, baseImageLayers: { [c.baseImage]: c.baseLayersInImage } });
      const image = p.image!;
      expect(image.base).toEqual(c.baseImage === "scratch" ? { kind: "scratch" } : { kind: "image", name: c.baseImage, layers: c.baseLayersInImage });
      expect(image.chain.map(String)).toEqual(c.stageChain.map((s) => String(p.stages.find((st) => st.id === s || String(st.index) === s)!.index)));
      expect(image.history).toBe(c.historyAddedOverBase);
      if (c.builder === "buildkit") {
        expect(image.layers).toEqual({ min: c.layersAddedOverBase, max: c.layersAddedOverBase });
        expect(image.total).toEqual({ base: undefined, added: { min: c.layers, max: c.layers } });
      } else {
        expect(image.layers.min).toBeLessThanOrEqual(c.layersAddedOverBase);
        expect(image.layers.max).toBeGreaterThanOrEqual(c.layersAddedOverBase);
        expect(image.total.added.min).toBeLessThanOrEqual(c.layers);
        expect(image.total.added.max).toBeGreaterThanOrEqual(c.layers);
      }
    });
  }

  it("without known base layers, the count is B(base) + the added layers", () => {
    const c = cases.find((x) => x.id.startsWith("node_26.7.0-alpine"))!;
    const image = plan(c.dockerfile).image!;
    expect(image.total).toEqual({ base: c.baseImage, added: { min: c.layersAddedOverBase, max: c.layersAddedOverBase } });
  });
});
