# Build helpers shared by every directory: proto code generation, SQL embedding and tests.

set(AIRR_PROTO_ROOT ${CMAKE_SOURCE_DIR}/proto)
set(AIRR_GEN_DIR ${CMAKE_BINARY_DIR}/gen)
set(AIRR_GRPC_PROTO_ROOT /usr/share/grpc-proto)
file(MAKE_DIRECTORY ${AIRR_GEN_DIR})

# Applies the project's warning flags to a target.
function(airr_warnings target)
  target_compile_options(${target} PRIVATE ${AIRR_WARNINGS})
endfunction()

# airr_proto_library(<target> PROTOS <paths under proto root> [GRPC] [DEPS <targets>]
#                    [ROOT <proto root>])
# Generates C++ for the .proto files into the gen dir and builds one static library. With GRPC,
# service stubs are generated too, and every request type of the file gets the explained-parse
# serialization traits (libs/grpcutil/explained_parse.h): a request that fails to parse (for
# example a string field with invalid UTF-8) is answered INVALID_ARGUMENT naming the field. The
# server handlers are rewritten to deserialize the concrete request type, or the traits would be
# bypassed (cmake/concrete_handlers.cmake).
function(airr_proto_library target)
  cmake_parse_arguments(ARG "GRPC" "ROOT" "PROTOS;DEPS" ${ARGN})
  if(NOT ARG_ROOT)
    set(ARG_ROOT ${AIRR_PROTO_ROOT})
  endif()
  set(srcs)
  foreach(rel ${ARG_PROTOS})
    string(REGEX REPLACE "\\.proto$" "" stem ${rel})
    set(outs ${AIRR_GEN_DIR}/${stem}.pb.cc ${AIRR_GEN_DIR}/${stem}.pb.h)
    set(grpc_args)
    if(ARG_GRPC)
      set(traits ${AIRR_GEN_DIR}/${stem}.parse_traits.h)
      airr_write_parse_traits(${ARG_ROOT}/${rel} ${stem} ${traits})
      list(APPEND outs ${AIRR_GEN_DIR}/${stem}.grpc.pb.cc ${AIRR_GEN_DIR}/${stem}.grpc.pb.h)
      set(grpc_args
          --grpc_out=additional_header_includes=${stem}.parse_traits.h:${AIRR_GEN_DIR}
          --plugin=protoc-gen-grpc=$<TARGET_FILE:gRPC::grpc_cpp_plugin>)
    endif()
    set(rewrite_handlers)
    if(ARG_GRPC)
      set(rewrite_handlers COMMAND ${CMAKE_COMMAND} -DFILE=${AIRR_GEN_DIR}/${stem}.grpc.pb.cc
                                   -P ${CMAKE_SOURCE_DIR}/cmake/concrete_handlers.cmake)
    endif()
    add_custom_command(
      OUTPUT ${outs}
      COMMAND protobuf::protoc --proto_path=${ARG_ROOT} --proto_path=${AIRR_PROTO_ROOT}
              --cpp_out=${AIRR_GEN_DIR} ${grpc_args} ${ARG_ROOT}/${rel}
      ${rewrite_handlers}
      DEPENDS ${ARG_ROOT}/${rel} protobuf::protoc gRPC::grpc_cpp_plugin
              ${CMAKE_SOURCE_DIR}/cmake/concrete_handlers.cmake
      COMMENT "protoc ${rel}"
      VERBATIM)
    list(APPEND srcs ${outs})
  endforeach()
  add_library(${target} STATIC ${srcs})
  target_include_directories(${target} PUBLIC ${AIRR_GEN_DIR} ${CMAKE_SOURCE_DIR})
  target_link_libraries(${target} PUBLIC gRPC::grpc++ protobuf::libprotobuf ${ARG_DEPS})
  if(ARG_GRPC)
    target_link_libraries(${target} PUBLIC airr_explained_parse)
  endif()
  target_compile_options(${target} PRIVATE -w)
endfunction()

# Writes <stem>.parse_traits.h: one AIRR_EXPLAIN_PARSE_FAILURES line per request type of the
# services in the .proto file (configure time; re-run when the file changes).
function(airr_write_parse_traits proto_file stem out)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${proto_file})
  file(READ ${proto_file} text)
  string(REGEX MATCH "\npackage ([a-z0-9_.]+);" _ "${text}")
  string(REPLACE "." "::" ns "${CMAKE_MATCH_1}")
  # Client-streaming requests too: "rpc X(stream Y)".
  string(REGEX MATCHALL "rpc [A-Za-z0-9_]+\\((stream )?([A-Za-z0-9_]+)\\)" rpcs "${text}")
  set(body "// Generated from ${stem}.proto by cmake/airr.cmake. Do not edit.\n#pragma once\n\n")
  string(APPEND body "#include \"${stem}.pb.h\"\n#include \"libs/grpcutil/explained_parse.h\"\n\n")
  set(seen)
  foreach(rpc ${rpcs})
    string(REGEX REPLACE "rpc [A-Za-z0-9_]+\\((stream )?([A-Za-z0-9_]+)\\)" "\\2" req "${rpc}")
    if(NOT req IN_LIST seen)
      list(APPEND seen ${req})
      string(APPEND body "AIRR_EXPLAIN_PARSE_FAILURES(::${ns}::${req})\n")
    endif()
  endforeach()
  file(CONFIGURE OUTPUT ${out} CONTENT "${body}" @ONLY)
endfunction()

# airr_test(<name> SOURCES <files> LIBS <targets> [PG])
# A GoogleTest binary registered with CTest. PG tests get the shared throwaway cluster of the
# ctest run (fixture "pg", see tests/CMakeLists.txt) through AIRR_TEST_PG_DSN_FILE, and each
# binary migrates a database of its own in it (tests/testing/pg_fixture.h).
function(airr_test name)
  cmake_parse_arguments(ARG "PG" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  airr_warnings(${name})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} GTest::gmock GTest::gtest_main)
  # One CTest entry per binary: a PG binary creates one database for all of its tests.
  add_test(NAME ${name} COMMAND ${name})
  if(ARG_PG)
    set_tests_properties(${name} PROPERTIES FIXTURES_REQUIRED pg LABELS pg TIMEOUT 600
      ENVIRONMENT "AIRR_TEST_PG_DSN_FILE=${AIRR_TEST_PG_DIR}/dsn")
  else()
    set_tests_properties(${name} PROPERTIES LABELS unit TIMEOUT 120)
  endif()
endfunction()
