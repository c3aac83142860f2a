import type { Migration } from '../migrate';
import { initial } from './0001_initial';
import { passages } from './0002_passages';
import { search } from './0003_search';
import { notesLinks } from './0004_notes_links';
import { notesSearch } from './0005_notes_search';
import { formats } from './0006_formats';
import { searchGrams } from './0007_search_grams';
import { unspacedFunction } from './0008_unspaced_function';
import { gramStats } from './0009_gram_stats';
import { sourceMeta } from './0010_source_meta';
import { citationStyles } from './0011_citation_styles';
import { sync } from './0012_sync';
import { libraryState } from './0013_library_state';
import { compactStorage } from './0014_compact_storage';
import { textFirstIndexes } from './0015_text_first_indexes';
import { readingPlace } from './0016_reading_place';
import { originalDeltas } from './0017_original_deltas';
import { foldedOrder } from './0018_folded_order';
import { styleChanges } from './0019_style_changes';
import { syncMerged } from './0020_sync_merged';
import { readingPlaceChanges } from './0021_reading_place_changes';
import { orderKeys } from './0022_order_keys';
import { unspacedTriggers } from './0023_unspaced_triggers';
import { images } from './0024_images';
import { segmentClocks } from './0025_segment_clocks';
import { rowVersions } from './0026_row_versions';
import { contents } from './0027_contents';
import { trashActions } from './0028_trash_actions';
import { restoreChanges } from './0029_restore_changes';

/** Every schema version in order; a new migration is a new file appended here. */
export const migrations: readonly Migration[] = [
  initial,
  passages,
  search,
  notesLinks,
  notesSearch,
  formats,
  searchGrams,
  unspacedFunction,
  gramStats,
  sourceMeta,
  citationStyles,
  sync,
  libraryState,
  compactStorage,
  textFirstIndexes,
  readingPlace,
  originalDeltas,
  foldedOrder,
  styleChanges,
  syncMerged,
  readingPlaceChanges,
  orderKeys,
  unspacedTriggers,
  images,
  segmentClocks,
  rowVersions,
  contents,
  trashActions,
  restoreChanges,
];
