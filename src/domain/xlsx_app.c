/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "domain/xlsx_app.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <unzip.h>
#include <zip.h>

#include "core/msg.h"
#include "core/xalloc.h"
#include "version.h"

void xlsx_app_xml(strbuf *b)
{
	/* the company line is the catalogue's, with no XML markup in it */
	sb_printf(b, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
		     "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" "
		     "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
		     "<Application>kepu %s</Application><Company>%s</Company></Properties>",
		  KEPU_VERSION, msg(MSG_X_DOC_COMPANY));
}

void xlsx_zip_now(void *tmz_date)
{
	tm_zip *z = tmz_date;
	time_t now = time(NULL);
	struct tm t;
	localtime_r(&now, &t);
	*z = (tm_zip){(uInt)t.tm_sec, (uInt)t.tm_min, (uInt)t.tm_hour, (uInt)t.tm_mday, (uInt)t.tm_mon,
		      (uInt)t.tm_year + 1900};
}

/* One entry of in copied to out as it is compressed, or (app) replaced. */
static bool copy_entry(unzFile in, zipFile out)
{
	char name[512];
	unz_file_info64 fi;
	if (unzGetCurrentFileInfo64(in, &fi, name, sizeof name, NULL, 0, NULL, 0) != UNZ_OK)
		return false;
	zip_fileinfo zi = {0};
	xlsx_zip_now(&zi.tmz_date);
	if (!strcmp(name, XLSX_APP_XML)) {
		strbuf b = STRBUF_INIT;
		xlsx_app_xml(&b);
		bool ok = zipOpenNewFileInZip64(out, name, &zi, NULL, 0, NULL, 0, NULL, Z_DEFLATED,
						Z_DEFAULT_COMPRESSION, 0) == ZIP_OK &&
			  zipWriteInFileInZip(out, sb_str(&b), (unsigned)b.len) == ZIP_OK &&
			  zipCloseFileInZip(out) == ZIP_OK;
		sb_free(&b);
		return ok;
	}
	int method, level;
	if (unzOpenCurrentFile2(in, &method, &level, 1) != UNZ_OK)
		return false;
	bool ok = zipOpenNewFileInZip2_64(out, name, &zi, NULL, 0, NULL, 0, NULL, method, level, 1,
					  fi.uncompressed_size >= 0xffffffffu) == ZIP_OK;
	char buf[16384];
	int n = 0;
	while (ok && (n = unzReadCurrentFile(in, buf, sizeof buf)) > 0)
		ok = zipWriteInFileInZip(out, buf, (unsigned)n) == ZIP_OK;
	ok = ok && n == 0;
	ok = zipCloseFileInZipRaw64(out, fi.uncompressed_size, fi.crc) == ZIP_OK && ok;
	return unzCloseCurrentFile(in) == UNZ_OK && ok;
}

int xlsx_app_rewrite(const char *path, char **err)
{
	char *tmp = xasprintf("%s.%ld.tmp", path, (long)getpid());
	errno = 0;
	unzFile in = unzOpen64(path);
	zipFile out = in ? zipOpen64(tmp, APPEND_STATUS_CREATE) : NULL;
	bool ok = out != NULL;
	int r = ok ? unzGoToFirstFile(in) : UNZ_OK;
	while (ok && r == UNZ_OK) {
		ok = copy_entry(in, out);
		r = unzGoToNextFile(in);
	}
	ok = ok && r == UNZ_END_OF_LIST_OF_FILE;
	int e = errno;
	if (out && zipClose(out, NULL) != ZIP_OK)
		ok = false;
	if (in)
		unzClose(in);
	if (ok && rename(tmp, path) != 0) {
		e = errno;
		ok = false;
	}
	if (!ok) {
		unlink(tmp);
		*err = xasprintf(msg(MSG_X_CANT_WRITE), path, e ? strerror(e) : msg(MSG_C_WRITE_ERROR));
	}
	free(tmp);
	return ok ? 0 : -1;
}
