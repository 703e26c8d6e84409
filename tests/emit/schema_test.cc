// The contract's exact forms against the code: src/emit/record.schema.json must declare exactly
// the keys RecordToJson writes for each type, in the same order; src/emit/schema.sql must have
// exactly the columns the SQLite sink fills.
#include <sqlite3.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "emit/emit.h"
#include "emit/record_types.h"

namespace vnplan {
namespace {

using emit_internal::Column;
using emit_internal::FlatColumns;
using emit_internal::RecordType;
using emit_internal::RecordTypes;

nlohmann::ordered_json LoadSchema() {
  std::ifstream in(VNPLAN_SOURCE_DIR "/src/emit/record.schema.json");
  EXPECT_TRUE(in.good());
  return nlohmann::ordered_json::parse(in, nullptr, /*allow_exceptions=*/false);
}

std::vector<std::string> Keys(const nlohmann::ordered_json& object) {
  std::vector<std::string> keys;
  for (auto it = object.begin(); it != object.end(); ++it) keys.push_back(it.key());
  return keys;
}

// A record of `type` as a stage would make it: every contract field left for RecordToJson to
// fill, a span when the type is drawn from text.
nlohmann::ordered_json SampleLine(const RecordType& type) {
  static const std::string kId(64, 'a');
  DocumentOutput doc;
  doc.path = "a.txt";
  doc.id = kId;
  doc.text = "abc";
  Record r{std::string(type.type), type.from_text ? Span{0, 3} : Span{}, "rule", "I", {}};
  return RecordToJson(r, doc, 1);
}

TEST(RecordSchema, IsValidJson) {
  nlohmann::ordered_json schema = LoadSchema();
  ASSERT_FALSE(schema.is_discarded());
  EXPECT_EQ(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
}

TEST(RecordSchema, DeclaresExactlyTheKeysRecordToJsonWrites) {
  nlohmann::ordered_json schema = LoadSchema();
  for (const RecordType& t : RecordTypes()) {
    SCOPED_TRACE(std::string(t.type));
    const nlohmann::ordered_json& def = schema["$defs"][std::string(t.type)];
    ASSERT_TRUE(def.is_object());
    EXPECT_EQ(def["additionalProperties"], false);
    const std::vector<std::string> emitted = Keys(SampleLine(t));
    EXPECT_EQ(Keys(def["properties"]), emitted);
    EXPECT_EQ(def["properties"]["type"]["const"], t.type);
    std::vector<std::string> required;
    for (const std::string& k : emitted) {
      if (k != "span" && k != "text" && k != "line") required.push_back(k);
    }
    EXPECT_EQ(def["required"].get<std::vector<std::string>>(), required);
  }
}

TEST(RecordSchema, EveryTypeIsDispatched) {
  nlohmann::ordered_json schema = LoadSchema();
  std::vector<std::string> types;
  for (const RecordType& t : RecordTypes()) types.emplace_back(t.type);
  EXPECT_EQ(schema["properties"]["type"]["enum"].get<std::vector<std::string>>(), types);
  ASSERT_EQ(schema["allOf"].size(), types.size());
  for (size_t i = 0; i < types.size(); ++i) {
    EXPECT_EQ(schema["allOf"][i]["if"]["properties"]["type"]["const"], types[i]);
    EXPECT_EQ(schema["allOf"][i]["then"]["$ref"], "#/$defs/" + types[i]);
  }
}

class SqlSchema : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(sqlite3_open(":memory:", &db_), SQLITE_OK);
    char* err = nullptr;
    ASSERT_EQ(sqlite3_exec(db_, std::string(SqliteSchema()).c_str(), nullptr, nullptr, &err),
              SQLITE_OK)
        << err;
  }
  void TearDown() override { sqlite3_close(db_); }

  std::vector<std::string> Column0(const std::string& sql) {
    std::vector<std::string> out;
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr), SQLITE_OK) << sql;
    while (st != nullptr && sqlite3_step(st) == SQLITE_ROW) {
      out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
    }
    sqlite3_finalize(st);
    return out;
  }

  sqlite3* db_ = nullptr;
};

TEST_F(SqlSchema, TablesHaveExactlyTheFlatColumns) {
  for (const RecordType& t : RecordTypes()) {
    SCOPED_TRACE(std::string(t.table));
    std::vector<std::string> expected;
    for (const Column& c : FlatColumns(t)) expected.push_back(c.name);
    expected.push_back("json");
    EXPECT_EQ(Column0("SELECT name FROM pragma_table_info('" + std::string(t.table) + "')"),
              expected);
  }
}

TEST_F(SqlSchema, VersionsMatchTheCode) {
  EXPECT_EQ(Column0("SELECT value FROM meta WHERE key = 'schema_version'"),
            std::vector<std::string>{std::to_string(kSqliteSchemaVersion)});
  EXPECT_EQ(Column0("SELECT value FROM meta WHERE key = 'contract_version'"),
            std::vector<std::string>{std::to_string(kContractVersion)});
}

TEST_F(SqlSchema, ViewsAndIndexesExist) {
  EXPECT_EQ(Column0("SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name"),
            (std::vector<std::string>{"budget_by_project", "legal_bases", "who_chairs"}));
  std::vector<std::string> indexes =
      Column0("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL");
  for (const char* want :
       {"citations_number", "responsibilities_agency", "amounts_project", "dates_iso"}) {
    EXPECT_NE(std::find(indexes.begin(), indexes.end(), want), indexes.end()) << want;
  }
}

}  // namespace
}  // namespace vnplan
