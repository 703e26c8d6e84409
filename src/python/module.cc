// _vnplan: the compiled half of the Python package `vnplan` (src/python/vnplan/__init__.py is
// the public face and documents each function). Every function releases the GIL while C++
// works; arguments are copied into C++ values before, results converted after.
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "python/engine.h"

namespace py = pybind11;

namespace vnplan::python {
namespace {

// vnplan.Error: a broken rules folder, an unwritable output, a database of another schema.
struct Error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

template <typename T>
T ValueOrThrow(StatusOr<T> v) {
  if (!v.ok()) throw Error(v.status().ToString());
  return std::move(v).value();
}

EngineOptions Options(std::string rules, int jobs, std::vector<std::string> globs,
                      std::vector<std::string> registry) {
  EngineOptions o;
  o.rules_dir = std::move(rules);
  o.jobs = jobs;
  o.globs = std::move(globs);
  o.registry = std::move(registry);
  return o;
}

// A diagnostic as a picklable tuple (level, code, message, path, offset) and back.
using DiagnosticTuple =
    std::tuple<std::string, std::string, std::string, std::string, std::optional<size_t>>;

DiagnosticTuple ToTuple(const Diagnostic& d) {
  return {LevelName(d.level), d.code, d.message, d.path, d.offset};
}

Diagnostic FromTuple(const DiagnosticTuple& t) {
  Diagnostic d;
  const std::string& level = std::get<0>(t);
  d.level = level == "error"     ? Diagnostic::Level::kError
            : level == "warning" ? Diagnostic::Level::kWarning
                                 : Diagnostic::Level::kInfo;
  d.code = std::get<1>(t);
  d.message = std::get<2>(t);
  d.path = std::get<3>(t);
  d.offset = std::get<4>(t);
  return d;
}

// normalize(): the normalized text with its map back to the input.
struct Normalized {
  std::string source;  // the decoded input (UTF-8)
  NormalizedText norm;

  // Source span of normalized bytes [start, end).
  std::pair<size_t, size_t> SourceSpan(size_t start, size_t end) const {
    if (start > end || end > norm.text.size()) throw py::index_error("span outside the text");
    Span s = norm.map.MapSpan({start, end});
    return {s.start, s.end};
  }

  // (start, end, source_start, source_end) of every line of the normalized text.
  std::vector<std::tuple<size_t, size_t, size_t, size_t>> LineSpans() const {
    std::vector<std::tuple<size_t, size_t, size_t, size_t>> out;
    size_t start = 0;
    while (start < norm.text.size()) {
      size_t end = norm.text.find('\n', start);
      if (end == std::string::npos) end = norm.text.size();
      Span s = norm.map.MapSpan({start, end});
      out.emplace_back(start, end, s.start, s.end);
      start = end + 1;
    }
    return out;
  }
};

std::map<std::string, double> SummaryDict(const RunSummary& s) {
  std::map<std::string, double> out = {
      {"documents", static_cast<double>(s.documents)},
      {"skipped", static_cast<double>(s.skipped)},
      {"failed", static_cast<double>(s.failed)},
      {"bytes", static_cast<double>(s.bytes)},
      {"diagnostics", static_cast<double>(s.diagnostics)},
      {"findings", static_cast<double>(s.findings)},
      {"seconds", s.seconds},
  };
  for (const auto& [type, n] : s.records_by_type) out["records." + type] = static_cast<double>(n);
  return out;
}

}  // namespace
}  // namespace vnplan::python

PYBIND11_MODULE(_vnplan, m) {
  using namespace vnplan;
  using namespace vnplan::python;
  using Release = py::call_guard<py::gil_scoped_release>;
  m.doc() = "vnplan's compiled core; use the package `vnplan`, not this module.";
  py::register_exception<Error>(m, "Error", PyExc_RuntimeError);

  m.def(
      "extract_path",
      [](const std::string& path, const std::string& rules) {
        return ValueOrThrow(ExtractPath(path, Options(rules, 1, {}, {})));
      },
      py::arg("path"), py::arg("rules") = "", Release());
  m.def(
      "extract_bytes",
      [](const std::string& name, const py::bytes& data, const std::string& rules) {
        std::string bytes = data;  // copied while the GIL is held
        py::gil_scoped_release release;
        return ValueOrThrow(ExtractBytes(name, bytes, Options(rules, 1, {}, {})));
      },
      py::arg("name"), py::arg("data"), py::arg("rules") = "");

  py::class_<DocumentStream>(m, "Stream")
      .def(py::init([](std::vector<std::string> inputs, int jobs, const std::string& rules,
                       std::vector<std::string> globs) {
             py::gil_scoped_release release;
             std::shared_ptr<const Pipeline> p =
                 ValueOrThrow(GetPipeline(Options(rules, jobs, std::move(globs), {})));
             const size_t in_flight = 2 * static_cast<size_t>(jobs > 0 ? jobs : 2);
             return std::make_unique<DocumentStream>(std::move(p), std::move(inputs), in_flight);
           }),
           py::arg("inputs"), py::arg("jobs") = 1, py::arg("rules") = "",
           py::arg("globs") = std::vector<std::string>{})
      .def("next", &DocumentStream::Next, Release(),
           "The next document's JSON lines, or None at the end.")
      .def(
          "check",
          [](DocumentStream& s) {
            Status st = s.status();
            if (!st.ok()) throw Error(st.ToString());
          },
          "Raises vnplan.Error when the batch failed (an output error).")
      .def("close", &DocumentStream::Close, Release());

  py::class_<Normalized>(m, "Normalized")
      .def_property_readonly("text", [](const Normalized& n) { return n.norm.text; })
      .def_property_readonly("format", [](const Normalized& n) { return n.norm.format; })
      .def_property_readonly("source", [](const Normalized& n) { return n.source; })
      .def("source_span", &Normalized::SourceSpan, py::arg("start"), py::arg("end"))
      .def("line_spans", &Normalized::LineSpans, Release());
  m.def(
      "normalize",
      [](const py::object& text) {
        std::string bytes;
        const bool decode = py::isinstance<py::bytes>(text);
        bytes = decode ? std::string(text.cast<py::bytes>()) : text.cast<std::string>();
        py::gil_scoped_release release;
        auto n = std::make_unique<Normalized>();
        if (decode) {
          Document doc = MakeDocument("<bytes>", bytes, {});
          n->source = std::move(doc.text);
        } else {
          n->source = std::move(bytes);
        }
        Normalizer normalizer;
        n->norm = normalizer.Run(n->source);
        return n;
      },
      py::arg("text"));

  m.def(
      "audit_json",
      [](std::vector<std::string> inputs, std::vector<std::pair<std::string, py::bytes>> texts,
         const std::string& min_severity, const std::string& rules,
         std::vector<std::string> registry) {
        std::vector<std::pair<std::string, std::string>> owned;
        for (auto& [name, data] : texts) owned.emplace_back(name, std::string(data));
        py::gil_scoped_release release;
        return ValueOrThrow(
            AuditJson(inputs, owned, min_severity, Options(rules, 1, {}, std::move(registry))));
      },
      py::arg("inputs"), py::arg("texts"), py::arg("min_severity") = "info", py::arg("rules") = "",
      py::arg("registry") = std::vector<std::string>{});

  m.def(
      "expand",
      [](const std::vector<std::string>& inputs, const std::vector<std::string>& globs) {
        Expanded e = Expand(inputs, globs);
        std::vector<DiagnosticTuple> walk;
        for (const Diagnostic& d : e.walk) walk.push_back(ToTuple(d));
        return std::make_pair(std::move(e.files), std::move(walk));
      },
      py::arg("inputs"), py::arg("globs") = std::vector<std::string>{}, Release());
  m.def(
      "extract_to",
      [](const std::vector<std::string>& inputs, const std::string& jsonl, const std::string& db,
         int jobs, const std::string& rules, const std::vector<std::string>& globs,
         const std::vector<DiagnosticTuple>& walk, const std::string& root) {
        Diagnostics diags;
        for (const DiagnosticTuple& t : walk) diags.push_back(FromTuple(t));
        return SummaryDict(ValueOrThrow(
            ExtractTo(inputs, diags, jsonl, db, Options(rules, jobs, globs, {}), root)));
      },
      py::arg("inputs"), py::arg("jsonl") = "", py::arg("db") = "", py::arg("jobs") = 1,
      py::arg("rules") = "", py::arg("globs") = std::vector<std::string>{},
      py::arg("walk") = std::vector<DiagnosticTuple>{}, py::arg("root") = "", Release());
  m.def("sqlite_schema", [] { return std::string(SqliteSchema()); });
}
