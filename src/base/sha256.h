// SHA-256 of a byte string, as lowercase hex: the document id of the record contract.
//
//   assert(Sha256Hex("abc") ==
//          "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
#ifndef VNPLAN_BASE_SHA256_H_
#define VNPLAN_BASE_SHA256_H_

#include <string>
#include <string_view>

namespace vnplan {

std::string Sha256Hex(std::string_view bytes);

}  // namespace vnplan

#endif  // VNPLAN_BASE_SHA256_H_
