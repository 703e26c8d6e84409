// ExpandInputs: directory walks (sorted, hidden entries skipped, globs), symlink loops, and
// problems reported without stopping.
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ingest/ingest.h"
#include "test_util.h"

namespace vnplan {
namespace {

using testing_util::TempDir;
using testing_util::WriteFile;

// A tree:
//   b.txt  a.txt  notes.md  .hidden.txt  .git/config.txt
//   sub/c.txt  sub/deeper/d.txt  sub/.cache/e.txt
//   sub/loop -> ..            (a symlink back up the tree)
//   link_to_sub -> sub        (a second way into sub/)
//   dangling -> nowhere.txt
class SourcesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    namespace fs = std::filesystem;
    root_ = dir_.path();
    for (const char* d : {"/.git", "/sub", "/sub/deeper", "/sub/.cache"}) {
      fs::create_directories(root_ + d);
    }
    for (const char* f : {"/b.txt", "/a.txt", "/notes.md", "/.hidden.txt", "/.git/config.txt",
                          "/sub/c.txt", "/sub/deeper/d.txt", "/sub/.cache/e.txt"}) {
      WriteFile(root_ + f, "Nội dung");
    }
    fs::create_directory_symlink("..", root_ + "/sub/loop");
    fs::create_directory_symlink("sub", root_ + "/link_to_sub");
    fs::create_symlink("nowhere.txt", root_ + "/dangling");
  }

  std::vector<std::string> Codes() const {
    std::vector<std::string> out;
    for (const Diagnostic& d : diags_) out.push_back(d.code);
    std::sort(out.begin(), out.end());
    return out;
  }

  TempDir dir_;
  std::string root_;
  Diagnostics diags_;
};

TEST_F(SourcesTest, WalksSortedSkippingHiddenAndBreakingLoops) {
  std::vector<std::string> files = ExpandInputs({root_}, {}, &diags_);
  const std::vector<std::string> want = {
      root_ + "/a.txt",
      root_ + "/b.txt",
      root_ + "/notes.md",
      root_ + "/sub/c.txt",
      root_ + "/sub/deeper/d.txt",
  };
  EXPECT_EQ(files, want);
  // The loop and the dangling link are reported; link_to_sub duplicates sub/ silently.
  EXPECT_EQ(Codes(), (std::vector<std::string>{"ingest.broken_link", "ingest.symlink_loop"}));
  for (const Diagnostic& d : diags_) EXPECT_EQ(d.level, Diagnostic::Level::kWarning);
}

TEST_F(SourcesTest, GlobsFilterFileNames) {
  SourceOptions opts;
  opts.globs = {"*.md", "[cd].txt"};
  std::vector<std::string> files = ExpandInputs({root_}, opts, &diags_);
  const std::vector<std::string> want = {root_ + "/notes.md", root_ + "/sub/c.txt",
                                         root_ + "/sub/deeper/d.txt"};
  EXPECT_EQ(files, want);
}

TEST_F(SourcesTest, NamedFilesAreTakenAsGivenInOrder) {
  SourceOptions opts;
  opts.globs = {"*.md"};
  std::vector<std::string> files = ExpandInputs(
      {root_ + "/b.txt", "-", root_ + "/.hidden.txt", root_ + "/sub/deeper/"}, opts, &diags_);
  const std::vector<std::string> want = {root_ + "/b.txt", "-", root_ + "/.hidden.txt"};
  EXPECT_EQ(files, want);  // deeper/ holds no *.md
  EXPECT_TRUE(diags_.empty());
}

TEST_F(SourcesTest, TrailingSlashGivesCleanPaths) {
  std::vector<std::string> files = ExpandInputs({root_ + "/sub/deeper/"}, {}, &diags_);
  EXPECT_EQ(files, std::vector<std::string>{root_ + "/sub/deeper/d.txt"});
}

TEST_F(SourcesTest, MissingInputsAreReportedAndTheRestGoesOn) {
  std::vector<std::string> files =
      ExpandInputs({root_ + "/khong_co", root_ + "/a.txt", root_ + "/a.txt/x"}, {}, &diags_);
  EXPECT_EQ(files, std::vector<std::string>{root_ + "/a.txt"});
  ASSERT_EQ(diags_.size(), 2u);
  EXPECT_EQ(diags_[0].code, "ingest.not_found");
  EXPECT_EQ(diags_[0].level, Diagnostic::Level::kError);
  EXPECT_EQ(diags_[0].path, root_ + "/khong_co");
  EXPECT_NE(diags_[0].message.find("No such file"), std::string::npos);
  EXPECT_EQ(diags_[1].path, root_ + "/a.txt/x");
  EXPECT_NE(diags_[1].message.find("Not a directory"), std::string::npos);
}

TEST_F(SourcesTest, SelfLinkNamedDirectly) {
  std::filesystem::create_symlink("self", root_ + "/self");
  std::vector<std::string> files = ExpandInputs({root_ + "/self"}, {}, &diags_);
  EXPECT_TRUE(files.empty());
  ASSERT_EQ(diags_.size(), 1u);
  EXPECT_EQ(diags_[0].code, "ingest.symlink_loop");
}

TEST_F(SourcesTest, LoopEnteredThroughALink) {
  // Named through link_to_sub, sub/ is walked under that name; its "loop" leads up to the root,
  // which is walked once, and from there both ways back into sub/ are loops.
  const std::string base = root_ + "/link_to_sub";
  std::vector<std::string> files = ExpandInputs({base}, {}, &diags_);
  const std::vector<std::string> want = {
      base + "/c.txt",      base + "/deeper/d.txt",  base + "/loop/a.txt",
      base + "/loop/b.txt", base + "/loop/notes.md",
  };
  EXPECT_EQ(files, want);
  EXPECT_EQ(Codes(), (std::vector<std::string>{"ingest.broken_link", "ingest.symlink_loop",
                                               "ingest.symlink_loop"}));
}

TEST(Sources, EmptyDirectoryGivesNothing) {
  TempDir dir;
  Diagnostics diags;
  EXPECT_TRUE(ExpandInputs({dir.path()}, {}, &diags).empty());
  EXPECT_TRUE(diags.empty());
}

TEST(Sources, NoInputsGiveNothing) {
  Diagnostics diags;
  EXPECT_TRUE(ExpandInputs({}, {}, &diags).empty());
  EXPECT_TRUE(diags.empty());
}

// A PathQueue gives back exactly the paths of its list, in order: shared prefixes of every
// length (past 127 bytes the lengths take two varint bytes), a path that is a prefix of the
// next, the same path twice, the empty path, and bytes outside ASCII.
TEST(PathQueue, GivesBackEveryPathInOrder) {
  const std::string deep = "/srv/" + std::string(300, 'x') + "/";
  // clang-format off
  const std::vector<std::string> paths = {
      "-",           "corpus/a.txt",      "corpus/a.txt.bak", "corpus/b.txt", "corpus/b.txt",
      "",            deep + "Kế hoạch 1.txt", deep + "Kế hoạch 2.txt", deep + "z/" + std::string(200, 'y'),
      "other/c.txt", "corpus/a.txt"};
  // clang-format on
  PathList list;
  for (const std::string& p : paths) list.Append(p);
  PathQueue queue(list);
  EXPECT_EQ(queue.size(), paths.size());
  std::vector<std::string> got;
  std::string path;
  while (queue.Next(&path)) got.push_back(path);
  EXPECT_EQ(got, paths);
  EXPECT_FALSE(queue.Next(&path));
}

TEST(PathQueue, EmptyListGivesNothing) {
  PathQueue queue{PathList()};
  std::string path = "unchanged";
  EXPECT_EQ(queue.size(), 0u);
  EXPECT_FALSE(queue.Next(&path));
}

// The batch's list: the walk of a tree, sorted, taken through the queue, is ExpandInputs.
TEST_F(SourcesTest, QueueOfTheWalkIsExpandInputs) {
  Diagnostics again;
  PathQueue queue(ListInputs({root_, root_ + "/a.txt"}, {}, &again));
  std::vector<std::string> got;
  std::string path;
  while (queue.Next(&path)) got.push_back(path);
  EXPECT_EQ(got, ExpandInputs({root_, root_ + "/a.txt"}, {}, &diags_));
  EXPECT_EQ(got.size(), 6u);
}

}  // namespace
}  // namespace vnplan
