/**
 * Reading ROOT files (TTrees) in pure Java into Apache Arrow; no ROOT installation is used.
 *
 * <p>Entry points: {@link org.hepbridge.root.RootFile#open} (the caller owns and closes the
 * file), {@link org.hepbridge.root.RootFile#tree}, then {@link org.hepbridge.root.TTree#read}
 * (one {@code VectorSchemaRoot} owned by the caller) or {@link org.hepbridge.root.TTree#iterate}
 * (chunks, each owned by the caller). Only the requested branches' baskets are read; baskets
 * stored under their own keys are decompressed in parallel on a small shared pool.
 *
 * <p>Layers, from the bytes up: {@code RBuffer} (bounds-checked big-endian cursor; every
 * failure names file, object and offset), {@code Decompressor}/{@code Codecs} (ZLIB, LZ4 with
 * its checksum, ZSTD, LZMA, chosen from each block's header), {@code Directory}/{@code Key},
 * {@code Streamers} and {@code ObjectReader} (the file's streamer infos drive the decoding of
 * TTree/TBranch/TLeaf metadata), {@code Branch} (one interpretation per branch), then
 * {@code ColumnDecoder} for numbers, arrays and vectors of numbers and {@code Form}/
 * {@code FormBuilder} for objects, strings and nested containers, and {@code ArrowConv}.
 *
 * <p>Arrow mapping: Bool_t to Bool; Char_t/UChar_t, Short_t/UShort_t, Int_t/UInt_t and
 * Long64_t/ULong64_t to signed/unsigned Int of 8, 16, 32 and 64 bits (a leaf's
 * {@code fIsUnsigned} decides); Float_t and Float16_t to float32; Double_t and Double32_t to
 * float64; fixed arrays {@code x[3]} to FixedSizeList; counted arrays {@code x[n]} and
 * {@code std::vector} to List; {@code char*}, TString and std::string to Utf8 (bytes that are
 * not UTF-8 are taken as Latin-1); objects to Struct of their members without the TObject
 * fields (e.g. {@code vector<TLorentzVector>} to List of Struct{fP: Struct{fX, fY, fZ}, fE}).
 * Field names are the branch names. ROOT has no nulls; every field is non-nullable.
 *
 * <p>Not decoded; {@link org.hepbridge.root.BranchInfo#unsupported()} says why and
 * {@link org.hepbridge.root.TTree#read} throws
 * {@link org.hepbridge.root.UnsupportedBranchException} naming file, tree, branch, class and
 * streamer: leaf lists ({@code "a/F:b/I"} in one branch: "branch has 2 leaves (leaf lists are
 * not decoded)"); STL containers other than vector and string (map, set, list, ...); pointer
 * members, TClonesArray and TRef members; counted arrays inside objects; strings inside
 * containers inside objects; classes without streamer info in the file. Collections streamed
 * member-wise fail when read ("... is stored member-wise"). ROOT's pre-2003 "CS" compression
 * is refused. RNTuple keys are not TTrees: {@link org.hepbridge.root.RootFile#tree} reports
 * "is a ROOT::RNTuple, not a TTree".
 *
 * <p>Verified against uproot on every branch of every ROOT file in the data folder, on files
 * uproot writes in every codec, and on a 2.3 GB file uproot writes (large-file header, 64-bit
 * key and basket seeks past 2^31; the opt-in "large" tests). Implemented from ROOT's layout
 * rules but met here only in hand-built bytes: Double32_t/Float16_t branches,
 * {@code vector<vector<T>>}, {@code vector<string>} and std::string branches. The
 * basic-typed members of split objects (sub-branches with {@code fType} 0, 31 or 41) follow
 * the same rules but no test file holds any.
 */
package org.hepbridge.root;
