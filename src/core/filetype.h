/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * filetype: what a file is, by its content (magic bytes), never by its
 * name: the evidence a clerk attaches to a record (#19). JPEG, PNG, PDF,
 * MP4 (an ISO media file whose first box is ftyp), and DOCX and XLSX,
 * which are zip files told apart by the parts their central directory
 * names (word/document.xml, xl/workbook.xml) beside [Content_Types].xml.
 */
#ifndef KP_FILETYPE_H
#define KP_FILETYPE_H
#include <stdio.h>

typedef enum { FTYPE_NONE, FTYPE_JPEG, FTYPE_PNG, FTYPE_PDF, FTYPE_MP4, FTYPE_DOCX, FTYPE_XLSX } kp_filetype;

/* The type of the open file in (read from its start; the position is
 * left anywhere), FTYPE_NONE when it is none of those accepted. */
kp_filetype filetype_detect(FILE *in);
/* Its short name as stored and shown: "JPEG", "PNG", "PDF", "MP4",
 * "DOCX", "XLSX" ("" for none). */
const char *filetype_name(kp_filetype t);

#endif
