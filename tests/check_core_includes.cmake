# Fails when the engine's include path reaches LibreOffice's SDK headers.
if(TARGET_INCLUDES MATCHES "libreoffice|/sdk/|cppumaker")
  message(FATAL_ERROR "attrib_core's include path reaches the LibreOffice SDK: ${TARGET_INCLUDES}")
endif()
message(STATUS "attrib_core include path is SDK-free: ${TARGET_INCLUDES}")
