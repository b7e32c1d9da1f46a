/** DNS lookups the platform needs (custom-domain ownership checks). */
export interface DnsPort {
  /** TXT records of a name, each as its joined string; [] when there are none. */
  txt(hostname: string): Promise<string[]>;
}
