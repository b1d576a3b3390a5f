/** Millimetres to PDF points (1/72 inch): the unit of page sizes, margins, bleed and crop marks. */
export const mm = (v: number) => (v * 72) / 25.4;
