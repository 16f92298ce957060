# Script mode: rewrites the server method handlers of a generated .grpc.pb.cc (FILE) to
# deserialize requests as their concrete type instead of through grpc::protobuf::MessageLite, so
# the AIRR_EXPLAIN_PARSE_FAILURES traits of <proto>.parse_traits.h apply (docs/adr/0004).
# Fails when a service file has handlers but none matched: a gRPC upgrade changed the shape.
cmake_policy(SET CMP0057 NEW)
file(READ ${FILE} text)
set(pattern "(RpcMethodHandler< [A-Za-z0-9_]+::Service, [^,>]+, [^,>]+), ::grpc::protobuf::MessageLite, ::grpc::protobuf::MessageLite>")
string(REGEX MATCHALL "${pattern}" matches "${text}")
string(REGEX MATCHALL "RpcMethodHandler<" handlers "${text}")
list(LENGTH matches matched)
list(LENGTH handlers total)
if(NOT matched EQUAL total)
  message(FATAL_ERROR "${FILE}: ${matched} of ${total} unary handlers match the expected shape; "
                      "update cmake/concrete_handlers.cmake for this gRPC version")
endif()
string(REGEX REPLACE "${pattern}" "\\1>" text "${text}")
file(WRITE ${FILE} "${text}")
