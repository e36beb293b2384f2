// Vega-Lite -> Vega -> SVG, in Node, with no DOM and no canvas. vega and vega-lite are
// imported here, on first use, so no command that does not draw ever loads them.

type VegaModule = typeof import('vega');
type VegaLiteModule = typeof import('vega-lite');

let libs: Promise<[VegaModule, VegaLiteModule]> | undefined;

function load(): Promise<[VegaModule, VegaLiteModule]> {
  libs ??= Promise.all([import('vega'), import('vega-lite')]);
  return libs;
}

/** Render one Vega-Lite spec (data inline) to a standalone SVG string. */
export async function renderSvg(spec: Record<string, unknown>): Promise<string> {
  const [vega, vl] = await load();
  // The spec is ours and complete; vega-lite's types for the top level are a union too wide to build against.
  const compiled = vl.compile(spec as never).spec;
  // No loader: a report never fetches anything, so a stray URL in a spec fails rather than reaching the network.
  const loader = vega.loader();
  loader.load = async (uri: string) => {
    throw new Error(`a chart tried to load ${uri}; reports use inline data only`);
  };
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', loader });
  try {
    const svg = await view.toSVG();
    // Drop the XML prolog-free header's fixed size in favour of CSS scaling (the viewBox keeps the aspect).
    return svg;
  } finally {
    view.finalize();
  }
}
