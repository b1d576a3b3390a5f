/** The library API: the same pipeline the CLI runs, stage by stage. */
export { build, type BuildOptions, type BuildReport, type VariantResult } from './pipeline/build.js';
export { loadContent, type ContentTree } from './pipeline/load.js';
export { validateContent, type ValidContent } from './pipeline/validate.js';
export { planVariants, type Selection, type PlannedVariant } from './pipeline/plan.js';
export { resolveVariant, resolveBrand } from './pipeline/resolve.js';
export { renderPdf, type FittedPdf } from './pipeline/render.js';
export { countPages, creationDate } from './pipeline/render-meta.js';
export { createRenderer, planRendering, type RenderPlan } from './pipeline/render-pool.js';
export { writePdf, writeManifest, readManifest, outputPath, type Manifest, type ManifestEntry } from './pipeline/write.js';
export { OutputError, UsageError, formatFinding, type Finding } from './findings.js';
export { ExitCode } from './exit-codes.js';
export type * from './model.js';
export { templateIds, loadTemplate } from '../templates/index.js';
