// The `document` and `section` records of the contract, built from the segmenter's Header and
// Section tree. Internal to the pipeline stage.
#ifndef VNPLAN_PIPELINE_SEGMENT_RECORDS_H_
#define VNPLAN_PIPELINE_SEGMENT_RECORDS_H_

#include "base/record.h"
#include "ingest/ingest.h"
#include "normalize/normalize.h"
#include "segment/segment.h"

namespace vnplan {

// The `document` record: file facts plus the header fields (null where the header says nothing).
Record DocumentRecord(const Document& doc, const NormalizedText& norm, const Segmented& seg);

// One `section` record per section, spans and extents mapped to the source.
void AppendSectionRecords(const Segmented& seg, const NormalizedText& norm, Records* out);

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_SEGMENT_RECORDS_H_
