// `vnplan extract --jsonl-in`: the streaming mapper mode for the engines that feed a program
// lines on stdin and read lines back (Hadoop Streaming, Spark's RDD.pipe).
//
// Each input line is one document: a JSON object {"path": "...", "text": "..."} (other keys are
// ignored). `text` is the document's content; its UTF-8 bytes are the document's bytes, so the
// document id is their SHA-256 and the records are exactly those `vnplan extract FILE` writes
// for a UTF-8 file of that content at that path. One document is read, processed and written to
// every sink before the next line is read: memory holds one document, whatever the stream.
//
//   $ printf '%s\n' '{"path":"a.txt","text":"Số: 27/KH-UBND\n..."}' | vnplan extract --jsonl-in -q
//   {"type":"document","doc":"…","seq":0,…,"path":"a.txt",…}
//
// A line that is not a JSON object with a string `text` and a string `path` writes one
// `diagnostic` record (level error, code `ingest.bad_jsonl_line`, path = the line's `path` when
// it has one, else "-:N" for line N of stdin) and the stream goes on. Blank lines are skipped.
#ifndef VNPLAN_CLI_JSONL_IN_H_
#define VNPLAN_CLI_JSONL_IN_H_

#include <atomic>
#include <istream>
#include <vector>

#include "pipeline/pipeline.h"

namespace vnplan::cli {

// Reads `in` to its end (or until *stop), writing each document to `sinks` in input order, and
// fills *summary like Pipeline::Run (bad lines count as failed). Finishes the sinks. Returns
// non-OK only when a sink fails.
Status ExtractJsonLines(const Pipeline& pipeline, std::istream& in, const std::vector<Sink*>& sinks,
                        const std::atomic<bool>* stop, RunSummary* summary);

}  // namespace vnplan::cli

#endif  // VNPLAN_CLI_JSONL_IN_H_
