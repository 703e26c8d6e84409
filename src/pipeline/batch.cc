// Pipeline::Run: worker threads process documents in small groups and prepare their output
// (Sink::Prepare: the JSON lines); the calling thread writes them in input order. A window of
// documents and of bytes in flight bounds memory whatever the corpus size.
#include <malloc.h>
#include <sys/stat.h>

#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "base/sha256.h"
#include "pipeline/pipeline.h"

// jemalloc's control interface, present when the binary is linked with jemalloc; null otherwise.
extern "C" int mallctl(const char* name, void* oldp, size_t* oldlenp, void* newp, size_t newlen)
    __attribute__((weak));

namespace vnplan {

namespace {

struct Slot {
  ProcessedDocument doc;
  bool skipped = false;
  std::vector<std::unique_ptr<PreparedOutput>> prepared;  // one per sink, made by the worker
  RunSummary counts;  // records by type and diagnostics of this document, counted by the worker
  uint64_t in_flight = 0;  // the bytes this document adds to the batch's bytes in flight
};

// Counts the records and diagnostics of the slot's document and prepares every sink's output.
// When every sink prepared it, the writer needs only the prepared output: the document's text,
// records and diagnostics are freed here, on the worker thread that allocated them.
void PrepareSlot(const std::vector<Sink*>& sinks, Slot* slot) {
  CountRecords(slot->doc, &slot->counts);
  bool all = true;
  {
    const DocumentOutput out = ToOutput(slot->doc);
    for (const Sink* s : sinks) {
      slot->prepared.push_back(s->Prepare(out));
      all = all && slot->prepared.back() != nullptr;
    }
  }
  if (!all) return;
  Records().swap(slot->doc.records);
  Diagnostics().swap(slot->doc.diagnostics);
  std::string().swap(slot->doc.doc.text);
  slot->doc.doc.decode_map = OffsetMap();
}

uint64_t FileSize(const std::string& path) {
  struct stat st;
  if (path == "-" || stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return 0;
  return static_cast<uint64_t>(st.st_size);
}

// A failed input still needs a document id for its diagnostic records: the SHA-256 of its
// path, prefixed so that it never equals the id of real content.
std::string FailedId(const std::string& path) { return Sha256Hex("path:" + path); }

// A worker takes up to kGroupDocs documents at once and extracts them topic by topic across the
// group (Pipeline::ProcessMany): a topic's DFA states, which RE2 builds as it meets text and
// which lie scattered in memory, then serve the whole group while they are in the cache, where
// one document at a time had the other topics and stages evict them in between. 10 MB bench
// corpus, interleaved rounds, minima: -j 1 2.27 -> 2.04 s, -j 2 1.30 -> 1.12 s (other rounds
// down to 1.76 and 1.01 s); 1 GB corpus at -j 2 128 -> 93 s. A group is processed as soon as it
// holds kGroupBytes of input, so that a group of large documents takes no more memory than one
// of them: with 128 KiB the 1 GB corpus peaked at 62.7 MB instead of 60.3; 32 documents at once
// were no faster than 12.
constexpr size_t kGroupDocs = 12;
constexpr uint64_t kGroupBytes = 64 << 10;

}  // namespace

void CountRecords(const ProcessedDocument& doc, RunSummary* summary) {
  for (const Record& r : doc.records) ++summary->records_by_type[r.type];
  if (doc.diagnostics.empty()) return;
  summary->records_by_type["diagnostic"] += doc.diagnostics.size();
  summary->diagnostics += doc.diagnostics.size();
  for (const Diagnostic& d : doc.diagnostics) {
    if (d.level == Diagnostic::Level::kError) ++summary->errors;
  }
}

DocumentOutput ToOutput(const ProcessedDocument& d) {
  DocumentOutput out;
  out.path = d.doc.path;
  out.id = d.doc.id.empty() ? FailedId(d.doc.path) : d.doc.id;
  out.bytes = d.doc.bytes;
  out.encoding = d.failed && d.doc.text.empty() ? "" : EncodingName(d.doc.encoding);
  out.confidence = d.doc.confidence;
  out.format = d.format;
  out.text = d.doc.text;
  out.records = d.records;
  out.diagnostics = d.diagnostics;
  return out;
}

Status Pipeline::Run(const std::vector<std::string>& inputs, const std::vector<Sink*>& sinks,
                     RunSummary* summary) const {
  const auto t0 = std::chrono::steady_clock::now();
  *summary = RunSummary();

  Diagnostics walk;
  // The walk's list is packed for the run: only the queue (about 7 bytes a file) stays.
  uint64_t bytes_total = 0;
  PathQueue files = [&] {
    const PathList list = ListInputs(inputs, options_.sources, &walk);
    for (size_t i = 0; i < list.size(); ++i) bytes_total += FileSize(std::string(list[i]));
    return PathQueue(list);
  }();
  // Parsing the rule, section and registry files and walking the inputs leave freed memory in
  // the main heap that workers (each with its own malloc arena) never reuse: give it back. Peak
  // RSS on the 10 MB bench corpus, -j 1: 64.3 -> 60.3 MB; on the 1 GB one (103,840 files), -j 2:
  // 65.3 -> 62.3 MB.
  malloc_trim(0);
  // The same for jemalloc, when the binary is linked with it (CMakeLists.txt): each thread has
  // its own arena there too. 4096 is MALLCTL_ARENAS_ALL.
  if (mallctl != nullptr) mallctl("arena.4096.purge", nullptr, nullptr, nullptr, 0);
  // Problems of the walk itself (a missing path, a symlink loop) are written first, each as a
  // failed input of its own so that nothing the user named disappears silently.
  for (const Diagnostic& d : walk) {
    ProcessedDocument failed;
    failed.failed = true;
    failed.doc.path = d.path;
    failed.diagnostics.push_back(d);
    DocumentOutput out = ToOutput(failed);
    for (Sink* s : sinks) {
      Status st = s->Write(out);
      if (!st.ok()) return st;
    }
    CountRecords(failed, summary);
    if (d.level == Diagnostic::Level::kError) ++summary->failed;
  }

  Progress progress;
  progress.total = files.size();
  progress.bytes_total = bytes_total;

  const size_t n = files.size();
  const size_t jobs = options_.jobs > 0 ? static_cast<size_t>(options_.jobs)
                                        : std::max(1u, std::thread::hardware_concurrency());
  // In flight (taken, not yet written): at most two groups' worth of documents per worker, and
  // no new group while two groups' worth of bytes per worker wait to be written.
  const size_t window = 2 * jobs * kGroupDocs;
  const uint64_t window_bytes = 2 * jobs * kGroupBytes;
  uint64_t bytes_in_flight = 0;  // read by workers, not yet written

  std::mutex mu;
  std::condition_variable can_take;
  std::condition_variable can_write;
  std::map<size_t, Slot> ready;
  size_t next_take = 0;
  size_t next_write = 0;
  size_t running = jobs;
  std::mutex sink_mu;  // sinks are not thread-safe: resume checks and writes take turns

  bool aborted = false;  // a sink failed
  auto stopped = [&] { return aborted || (options_.stop && options_.stop->load()); };
  auto worker = [&] {
    std::vector<std::pair<size_t, std::string>> taken;  // (index, path), consecutive
    std::vector<std::pair<size_t, Slot>> group;         // every taken document read so far
    std::vector<Document> docs;                         // those of `group` to process
    std::vector<size_t> docs_slot;                      // for each of `docs`, its `group` entry
    uint64_t group_bytes = 0;
    // Processes the documents read so far and hands the whole group to the writer.
    auto flush = [&] {
      std::vector<ProcessedDocument> done = ProcessMany(std::move(docs));
      for (size_t k = 0; k < done.size(); ++k) group[docs_slot[k]].second.doc = std::move(done[k]);
      for (auto& [i, slot] : group) {
        if (!slot.skipped) PrepareSlot(sinks, &slot);
      }
      std::lock_guard<std::mutex> lock(mu);
      for (auto& [i, slot] : group) ready.emplace(i, std::move(slot));
      bytes_in_flight += group_bytes;
      can_write.notify_one();
      group.clear();
      docs.clear();
      docs_slot.clear();
      group_bytes = 0;
    };
    for (;;) {
      taken.clear();
      {
        std::unique_lock<std::mutex> lock(mu);
        can_take.wait(lock, [&] {
          return stopped() || next_take >= n ||
                 (next_take < next_write + window && bytes_in_flight < window_bytes);
        });
        if (stopped() || next_take >= n) break;
        do {
          taken.emplace_back(next_take++, std::string());
          files.Next(&taken.back().second);
        } while (taken.size() < kGroupDocs && next_take < n && next_take < next_write + window);
      }
      for (auto& [i, path] : taken) {
        Slot& slot = group.emplace_back(i, Slot()).second;
        StatusOr<Document> doc = ReadDocument(path, options_.decode);
        if (!doc.ok()) {
          slot.doc.failed = true;
          slot.doc.doc.path = path;
          slot.doc.diagnostics.push_back(
              Diagnostic::Error("ingest.unreadable", doc.status().message(), path));
          continue;
        }
        if (options_.resume) {
          std::lock_guard<std::mutex> lock(sink_mu);
          for (Sink* s : sinks) slot.skipped = slot.skipped || s->HasDocument(doc->id);
        }
        if (slot.skipped) {
          slot.doc.doc.path = path;
          slot.doc.doc.bytes = doc->bytes;
          continue;
        }
        slot.in_flight = doc->bytes;
        group_bytes += doc->bytes;
        docs.push_back(std::move(doc).value());
        docs_slot.push_back(group.size() - 1);
        if (group_bytes >= kGroupBytes) flush();
      }
      if (!group.empty()) flush();
    }
    std::lock_guard<std::mutex> lock(mu);
    --running;
    can_write.notify_one();
  };

  std::vector<std::thread> threads;
  threads.reserve(jobs);
  for (size_t t = 0; t < jobs; ++t) threads.emplace_back(worker);

  Status status;
  for (;;) {
    Slot slot;
    {
      std::unique_lock<std::mutex> lock(mu);
      can_write.wait(lock, [&] {
        return ready.count(next_write) > 0 || (running == 0 && next_write >= next_take);
      });
      auto it = ready.find(next_write);
      if (it == ready.end()) break;  // every worker has stopped and everything taken is written
      slot = std::move(it->second);
      ready.erase(it);
    }
    if (status.ok()) {
      if (slot.skipped) {
        ++summary->skipped;
      } else {
        DocumentOutput out = ToOutput(slot.doc);
        std::lock_guard<std::mutex> lock(sink_mu);
        for (size_t k = 0; k < sinks.size(); ++k) {
          status = sinks[k]->WritePrepared(out, std::move(slot.prepared[k]));
          if (!status.ok()) break;
        }
        if (slot.doc.failed) {
          ++summary->failed;
        } else {
          ++summary->documents;
        }
        for (const auto& [type, count] : slot.counts.records_by_type) {
          summary->records_by_type[type] += count;
        }
        summary->diagnostics += slot.counts.diagnostics;
        summary->errors += slot.counts.errors;
      }
    }
    progress.bytes_done += slot.doc.doc.bytes;
    {
      std::lock_guard<std::mutex> lock(mu);
      bytes_in_flight -= std::min(bytes_in_flight, slot.in_flight);
      ++next_write;
      progress.done = next_write;
    }
    can_take.notify_all();
    if (!status.ok()) {
      // A sink failed: stop taking documents, let the workers drain what they hold.
      std::lock_guard<std::mutex> lock(mu);
      aborted = true;
    }
    progress.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (options_.on_progress) options_.on_progress(progress);
  }
  for (std::thread& t : threads) t.join();

  summary->findings = summary->records_by_type["finding"];
  if (summary->findings == 0) summary->records_by_type.erase("finding");
  summary->bytes = progress.bytes_done;
  summary->interrupted = options_.stop && options_.stop->load() && next_write < n;
  summary->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!status.ok()) return status;
  for (Sink* s : sinks) {
    Status st = s->Finish();
    if (!st.ok()) return st;
  }
  return Status::OK();
}

}  // namespace vnplan
