// A fresh, empty folder per test, under the test temp dir, named after the test.
#ifndef VNPLAN_TESTS_EMIT_TEMP_DIR_H_
#define VNPLAN_TESTS_EMIT_TEMP_DIR_H_

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <gtest/gtest.h>

namespace vnplan::testing {

inline std::filesystem::path TestDir() {
  const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::filesystem::path dir = std::filesystem::path(::testing::TempDir()) / "vnplan_emit" /
                              (std::string(info->test_suite_name()) + "." + info->name());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace vnplan::testing

#endif  // VNPLAN_TESTS_EMIT_TEMP_DIR_H_
