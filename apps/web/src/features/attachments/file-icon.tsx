import {
  FileExcelOutlined,
  FileImageOutlined,
  FileOutlined,
  FilePdfOutlined,
  FilePptOutlined,
  FileTextOutlined,
  FileWordOutlined,
  FileZipOutlined,
} from '@ant-design/icons';

/** An icon for a file by its content type. */
export function FileIcon({ contentType }: { contentType: string }) {
  const type = contentType.toLowerCase();
  if (type === 'application/pdf') return <FilePdfOutlined />;
  if (type.startsWith('image/')) return <FileImageOutlined />;
  if (type.includes('spreadsheet') || type.includes('excel') || type === 'text/csv') return <FileExcelOutlined />;
  if (type.includes('wordprocessing') || type.includes('msword')) return <FileWordOutlined />;
  if (type.includes('presentation') || type.includes('powerpoint')) return <FilePptOutlined />;
  if (type.includes('zip') || type.includes('compressed')) return <FileZipOutlined />;
  if (type.startsWith('text/')) return <FileTextOutlined />;
  return <FileOutlined />;
}
