import { describe, expect, it } from "vitest";
import { parseCpuList } from "../../tools/bench/processes.ts";

describe("the benchmark's CPU list", () => {
  it("reads ranges and single CPUs as Linux writes them", () => {
    expect(parseCpuList("0-1")).toEqual([0, 1]);
    expect(parseCpuList("0,2-4,7")).toEqual([0, 2, 3, 4, 7]);
    expect(parseCpuList("3")).toEqual([3]);
  });
});
