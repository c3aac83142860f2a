/** The few colours a tag can have (stored as '#rrggbb'); each reads as a dot in both themes. */
export const TAG_COLORS: ReadonlyArray<{ name: string; value: string }> = [
  { name: 'Red', value: '#d64545' },
  { name: 'Orange', value: '#e08a2e' },
  { name: 'Green', value: '#3c9a5f' },
  { name: 'Blue', value: '#3b74d1' },
  { name: 'Purple', value: '#8a5cd1' },
  { name: 'Grey', value: '#8a8580' },
];
