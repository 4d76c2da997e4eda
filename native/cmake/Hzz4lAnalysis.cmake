# The pure C++ H->ZZ*->4l analysis used by the benchmarks (benchmarks/README.md):
#   hbl_hzz4l_analysis  static library: the analysis over the per-object tool API and the
#                       column-dump reader
#   hbl_analysis        libhbl_analysis.so: its C interface, include/hbl/hbl_analysis.h
#   hbl_hzz4l           one run, histograms as JSON (the reference of the correctness check)
#   hbl_hzz4l_bench     timing, with Google Benchmark when installed, else a std::chrono harness
#   hbl_batch_calls     the native calls of the Java batched path, without Java (for profilers)
# libhbl.so and its exports are not affected.
add_library(hbl_hzz4l_analysis STATIC
  src/analysis/ColumnDump.cpp
  src/analysis/Hzz4lAnalysis.cpp)
target_link_libraries(hbl_hzz4l_analysis PUBLIC hbl_tools)

add_library(hbl_analysis SHARED src/analysis/hbl_analysis_c_api.cpp)
target_link_libraries(hbl_analysis PRIVATE hbl_hzz4l_analysis)
target_link_options(hbl_analysis PRIVATE
  -Wl,--version-script=${CMAKE_CURRENT_SOURCE_DIR}/cmake/hbl_analysis.map -Wl,--no-undefined)
set_target_properties(hbl_analysis PROPERTIES
  LINK_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/cmake/hbl_analysis.map)

add_executable(hbl_hzz4l bench/hzz4l_main.cpp)
target_link_libraries(hbl_hzz4l PRIVATE hbl_hzz4l_analysis)

add_executable(hbl_batch_calls bench/batch_calls_main.cpp)
target_link_libraries(hbl_batch_calls PRIVATE hbl_hzz4l_analysis hbl)

find_package(benchmark QUIET)
add_executable(hbl_hzz4l_bench bench/hzz4l_benchmark.cpp)
target_link_libraries(hbl_hzz4l_bench PRIVATE hbl_hzz4l_analysis)
if(benchmark_FOUND)
  target_link_libraries(hbl_hzz4l_bench PRIVATE benchmark::benchmark)
  target_compile_definitions(hbl_hzz4l_bench PRIVATE HBL_HAVE_GOOGLE_BENCHMARK)
  message(STATUS "hbl_hzz4l_bench: Google Benchmark ${benchmark_VERSION}")
else()
  message(STATUS "hbl_hzz4l_bench: Google Benchmark not found, std::chrono harness")
endif()

if(BUILD_TESTING)
  add_executable(hbl_analysis_test test/Hzz4lAnalysisTest.cpp)
  # The C++ classes statically, both C interfaces as their users link them.
  target_link_libraries(hbl_analysis_test PRIVATE hbl_hzz4l_analysis hbl_analysis hbl
                        GTest::gtest_main)
  target_compile_definitions(hbl_analysis_test PRIVATE ${HBL_TEST_DEFINITIONS})
  gtest_discover_tests(hbl_analysis_test)
endif()
